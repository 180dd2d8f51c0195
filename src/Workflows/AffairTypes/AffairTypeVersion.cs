namespace Affairs.Workflows.AffairTypes;

/// <summary>One published version in the catalog.</summary>
/// <param name="Type">The compiled type.</param>
/// <param name="RetiredReason">Why it was retired; null while it may still open new cases.</param>
public sealed record AffairTypeVersion(CompiledAffairType Type, string? RetiredReason)
{
    /// <summary>True when the version may no longer open new cases.</summary>
    public bool IsRetired => RetiredReason is not null;
}
