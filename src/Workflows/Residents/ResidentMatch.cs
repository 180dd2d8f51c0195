using Affairs.Domain.Privacy;
using Affairs.Domain.Residents;
using Affairs.Workflows.Households;

namespace Affairs.Workflows.Residents;

/// <summary>A resident found by name, with the households they are a current member of.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="Name">The name as registered.</param>
/// <param name="Status">Active, moved out or deceased.</param>
/// <param name="Households">Their households, oldest first, with their relation to each head.</param>
public sealed record ResidentMatch(
    string ResidentId,
    [property: PersonalData(PersonalDataKind.Name)] string Name,
    ResidentStatus Status,
    IReadOnlyList<ResidentHousehold> Households);

/// <summary>One page of residents found by name, oldest registered first.</summary>
/// <param name="Items">The residents.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record ResidentMatchPage(IReadOnlyList<ResidentMatch> Items, string? NextCursor);
