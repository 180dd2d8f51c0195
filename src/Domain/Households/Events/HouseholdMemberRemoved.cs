using Affairs.Domain.Events;

namespace Affairs.Domain.Households.Events;

/// <summary>A resident left a household (moved, married out, died…).</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="ResidentId">The member who left.</param>
/// <param name="Reason">Why.</param>
/// <param name="RemovedAt">When it was recorded.</param>
[EventType("household.member-removed.v1")]
public sealed record HouseholdMemberRemoved(string HouseholdId, string ResidentId, string Reason, DateTimeOffset RemovedAt);
