using System.Text.Json;

namespace Affairs.Samples.FeedClient;

/// <summary>One event of the feed's public contract (see the README's "The integration feed").</summary>
internal sealed record FeedEvent(
    long Position,
    Guid EventId,
    string Type,
    string Category,
    string StreamId,
    long Revision,
    DateTimeOffset RecordedAt,
    string CorrelationId,
    string ActorId,
    string? AffairTypeId,
    JsonElement Data);
