namespace Affairs.Workflows.Households;

/// <summary>A household a resident belongs to, and how.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="Relation">The resident's relation to the head; <c>head</c> for the head.</param>
public sealed record ResidentHousehold(string HouseholdId, string Relation);
