namespace Affairs.Workflows.Projections;

/// <summary>What changed on the board since its last write: the keys of the rows a batch writes.</summary>
/// <param name="Cases">Case ids.</param>
/// <param name="Deaths">Residents reported dead.</param>
/// <param name="Households">Household ids.</param>
/// <param name="Residents">Resident ids (registered, moved out or died).</param>
internal sealed record BoardChanges(
    IReadOnlyCollection<string> Cases,
    IReadOnlyCollection<string> Deaths,
    IReadOnlyCollection<string> Households,
    IReadOnlyCollection<string> Residents);
