using Affairs.Domain.Events;

namespace Affairs.Domain.Residents.Events;

/// <summary>
/// Someone searched residents by name and was shown these. What they typed is not recorded (it is personal data);
/// who was shown is, by resident id, and who asked, and when, are in the event's metadata.
/// </summary>
/// <param name="ResidentIds">The residents the page of results showed, in its order; empty when none matched.</param>
/// <param name="SearchedAt">When it was asked.</param>
[EventType("resident.found-by-name.v1")]
public sealed record ResidentsFoundByName(IReadOnlyList<string> ResidentIds, DateTimeOffset SearchedAt);
