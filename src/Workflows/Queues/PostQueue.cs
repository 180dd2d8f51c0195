namespace Affairs.Workflows.Queues;

/// <summary>The open steps of one post, each with who holds it now.</summary>
/// <param name="PostId">The post.</param>
/// <param name="AHolderId">Its A holder.</param>
/// <param name="BHolderId">Its B holder.</param>
/// <param name="Items">The steps.</param>
/// <param name="AsOf">The moment responsibility was computed for.</param>
/// <param name="Checkpoint">The log position the read model had reached.</param>
public sealed record PostQueue(string PostId, string? AHolderId, string? BHolderId, IReadOnlyList<QueueItem> Items, DateTimeOffset AsOf, long Checkpoint);
