namespace Affairs.Domain.Events;

/// <summary>
/// What every stored event carries besides its facts: where it came from and who caused it. Stored as JSON; the hash
/// of the tamper-evident chain is appended to it when written (see <see cref="HashChain"/>).
/// </summary>
/// <param name="CorrelationId">The request or conversation the event belongs to (carried from the HTTP request).</param>
/// <param name="CausationId">The command or event that caused it.</param>
/// <param name="ActorId">The staff id, client id, or <c>system</c>.</param>
/// <param name="IdempotencyKey">The client's key for the command, where it gave one.</param>
public sealed record EventMetadata(string CorrelationId, string CausationId, string ActorId, string? IdempotencyKey);
