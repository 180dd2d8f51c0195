using Affairs.Domain.Events;

namespace Affairs.Domain.Households.Events;

/// <summary>A resident joined a household.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="ResidentId">The new member.</param>
/// <param name="Relation">The relation to the head (spouse, child, parent, …).</param>
/// <param name="AddedAt">When it was recorded.</param>
[EventType("household.member-added.v1")]
public sealed record HouseholdMemberAdded(string HouseholdId, string ResidentId, string Relation, DateTimeOffset AddedAt);
