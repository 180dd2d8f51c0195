namespace Affairs.Workflows.Cases;

/// <summary>One page of cases, oldest recorded first.</summary>
/// <param name="Items">The cases.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, string? NextCursor);
