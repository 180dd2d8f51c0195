using Affairs.Domain.Events;

namespace Affairs.Domain.Households.Events;

/// <summary>Another member became the head of the household.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="HeadResidentId">The new head, already a member.</param>
/// <param name="ChangedAt">When it was recorded.</param>
[EventType("household.head-changed.v1")]
public sealed record HouseholdHeadChanged(string HouseholdId, string HeadResidentId, DateTimeOffset ChangedAt);
