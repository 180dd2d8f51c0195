namespace Affairs.Domain.Households;

/// <summary>A member of a household.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="Relation">The relation to the head; <c>head</c> for the head.</param>
public sealed record HouseholdMember(string ResidentId, string Relation);
