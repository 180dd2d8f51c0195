namespace Affairs.EventStore;

/// <summary>An event as the store recorded it.</summary>
/// <param name="Stream">The stream it belongs to.</param>
/// <param name="Revision">Its 0-based index within the stream.</param>
/// <param name="Position">Its global position: strictly increasing across the whole log, in commit order.</param>
/// <param name="EventId">The writer's id for it.</param>
/// <param name="Type">The stable type name.</param>
/// <param name="Data">UTF-8 JSON.</param>
/// <param name="Metadata">UTF-8 JSON.</param>
/// <param name="Recorded">When the store recorded it (UTC).</param>
public sealed record RecordedEvent(
    StreamName Stream,
    long Revision,
    long Position,
    Guid EventId,
    string Type,
    ReadOnlyMemory<byte> Data,
    ReadOnlyMemory<byte> Metadata,
    DateTimeOffset Recorded);
