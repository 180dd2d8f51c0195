using System.Text.Json;

namespace Affairs.Host.Feed;

/// <summary>
/// One event as the integration feed publishes it: the public contract district systems code against. The envelope is
/// fixed; <see cref="Data"/> holds the fields of the event type named by <see cref="Type"/> — a versioned name such as
/// <c>case.transitioned.v1</c> whose shape never changes (a change is a new name) — with personal data masked unless
/// the client's scope allows it. Storage details (hash chain, causation, idempotency keys) are not part of it.
/// </summary>
/// <param name="Position">The global position; resume with <c>?after=</c> this value.</param>
/// <param name="EventId">The event's id (deduplicate on it).</param>
/// <param name="Type">The versioned event type.</param>
/// <param name="Category">The stream category: case, resident, household, organisation, affairtype, policy.</param>
/// <param name="StreamId">The id within the category (the case id for a case event).</param>
/// <param name="Revision">The event's place in its stream, from 0.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="CorrelationId">The request it came from.</param>
/// <param name="ActorId">Who caused it.</param>
/// <param name="AffairTypeId">For case events: the case's affair type.</param>
/// <param name="Data">The event's fields.</param>
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
