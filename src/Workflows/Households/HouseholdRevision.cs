namespace Affairs.Workflows.Households;

/// <summary>The answer of a household command: the household and its stream revision after it.</summary>
/// <param name="HouseholdId">The household's id.</param>
/// <param name="Revision">The revision of the household's stream.</param>
public sealed record HouseholdRevision(string HouseholdId, long Revision);
