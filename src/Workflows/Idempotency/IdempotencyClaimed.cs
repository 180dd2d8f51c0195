using Affairs.Domain.Events;

namespace Affairs.Workflows.Idempotency;

/// <summary>
/// An idempotency key was first used, for this command and payload. Written before the command runs, once per key and
/// actor (no-stream), so the key cannot be used again for anything else; the command's effect and answer are recorded
/// with its own events.
/// </summary>
/// <param name="Command">The command's type name.</param>
/// <param name="PayloadHash">SHA-256 of the command's payload (without its context).</param>
/// <param name="ClaimedAt">When the key was first used.</param>
[EventType("idempotency.claimed.v1")]
public sealed record IdempotencyClaimed(string Command, string PayloadHash, DateTimeOffset ClaimedAt);
