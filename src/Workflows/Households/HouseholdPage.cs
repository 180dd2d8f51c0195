namespace Affairs.Workflows.Households;

/// <summary>One page of households, oldest registered first.</summary>
/// <param name="Items">The households.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record HouseholdPage(IReadOnlyList<HouseholdSummary> Items, string? NextCursor);
