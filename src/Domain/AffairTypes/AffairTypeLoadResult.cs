namespace Affairs.Domain.AffairTypes;

/// <summary>What loading a definition gave: the definition when it is sound, and every problem found.</summary>
/// <param name="Definition">The definition; null when the JSON could not be read at all. Present but unusable when there are problems.</param>
/// <param name="Problems">Every problem, in document order of the rules; empty when the definition is sound.</param>
public sealed record AffairTypeLoadResult(AffairTypeDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when the definition may be published and compiled.</summary>
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
