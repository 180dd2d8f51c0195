using Affairs.Domain.AffairTypes;

namespace Affairs.Workflows.AffairTypes;

/// <summary>What a case is now, as the machine needs it: folded from the case's events by the caller.</summary>
/// <param name="State">The current state's name.</param>
/// <param name="Data">The case data by field name.</param>
/// <param name="AttachedMaterials">The ids of the materials attached so far.</param>
/// <param name="ExtensionsUsed">How many times each clock (by name) has been extended.</param>
public sealed record CaseSituation(
    string State,
    IReadOnlyDictionary<string, FieldValue> Data,
    IReadOnlySet<string> AttachedMaterials,
    IReadOnlyDictionary<string, int> ExtensionsUsed)
{
    /// <summary>The triggers fired on the case so far, each with when it was first fired.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Fired { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>A case in <paramref name="state"/> with <paramref name="data"/>, no materials and no extensions.</summary>
    public static CaseSituation In(string state, IReadOnlyDictionary<string, FieldValue>? data = null) =>
        new(state, data ?? new Dictionary<string, FieldValue>(), new HashSet<string>(), new Dictionary<string, int>());
}
