using Affairs.Domain.Households;

namespace Affairs.Workflows.Households;

/// <summary>One household in a list: its members by resident id and its grid, without its address.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="HeadResidentId">Its head.</param>
/// <param name="GridId">Its grid.</param>
/// <param name="Members">Its current members with their relation to the head.</param>
/// <param name="Revision">Its stream revision.</param>
public sealed record HouseholdSummary(string HouseholdId, string HeadResidentId, string? GridId, IReadOnlyList<HouseholdMember> Members, long Revision);
