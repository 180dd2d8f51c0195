using System.Text.Json;

namespace Affairs.Workflows.Streams;

/// <summary>What a command with an idempotency key did to a stream, as its last event's metadata records it.</summary>
/// <param name="PayloadHash">SHA-256 of the command's payload.</param>
/// <param name="Answer">The answer it gave.</param>
/// <param name="Revision">The revision of the last event it wrote.</param>
public sealed record KeyedOutcome(string PayloadHash, JsonElement Answer, long Revision)
{
    /// <summary>The key of an outcome: keys are scoped to the actor, so two clients never collide.</summary>
    public static string Id(string actorId, string idempotencyKey) => actorId + "\n" + idempotencyKey;
}
