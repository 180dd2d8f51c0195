namespace Affairs.Workflows.Residents;

/// <summary>The answer of an identity lookup.</summary>
/// <param name="ResidentId">The resident id the identity number maps to.</param>
/// <param name="Registered">Whether a resident with that id is recorded.</param>
public sealed record ResidentLookup(string ResidentId, bool Registered);
