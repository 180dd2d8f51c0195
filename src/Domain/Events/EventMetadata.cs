using System.Text.Json;

namespace Affairs.Domain.Events;

/// <summary>
/// What every stored event carries besides its facts: where it came from and who caused it. Stored as JSON; the hash
/// of the tamper-evident chain is appended to it when written (see <see cref="HashChain"/>).
/// </summary>
/// <param name="CorrelationId">The request or conversation the event belongs to (carried from the HTTP request).</param>
/// <param name="CausationId">The command or event that caused it.</param>
/// <param name="ActorId">The staff id, client id, or <c>system</c>.</param>
/// <param name="IdempotencyKey">The client's key for the command, where it gave one.</param>
/// <param name="PayloadHash">
/// On the last event a keyed command wrote: SHA-256 of the command's payload, so that the same key with another
/// payload is recognised as reused.
/// </param>
/// <param name="Answer">
/// On the last event a keyed command wrote: the command's answer, so that a retry with the same key answers the same
/// from the stream itself. The effect and this record are one append: nothing can happen between them.
/// </param>
public sealed record EventMetadata(
    string CorrelationId,
    string CausationId,
    string ActorId,
    string? IdempotencyKey,
    string? PayloadHash = null,
    JsonElement? Answer = null);
