using Affairs.Domain.Events;

namespace Affairs.Workflows.Idempotency;

/// <summary>
/// A command sent with an idempotency key succeeded: its payload's hash and its answer, kept to replay the answer.
/// Written by earlier versions after the command's effect; still read, so that their keys keep answering. New keys are
/// recorded by <see cref="IdempotencyClaimed"/> and the answer on the command's own events.
/// </summary>
/// <param name="Command">The command's type name.</param>
/// <param name="PayloadHash">SHA-256 of the command's payload (without its context).</param>
/// <param name="Response">The answer as JSON.</param>
/// <param name="RecordedAt">When it was recorded.</param>
[EventType("idempotency.recorded.v1")]
public sealed record IdempotencyRecorded(string Command, string PayloadHash, string Response, DateTimeOffset RecordedAt);
