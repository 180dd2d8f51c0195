namespace Affairs.Workflows.AffairTypes;

/// <summary>
/// The affair types the centre ships with, as definition documents embedded from <c>AffairTypes/BuiltIn/*.json</c>.
/// They are data like any administrator's definition and go through the same loader, validator and catalog.
/// </summary>
public static class BuiltInAffairTypes
{
    private const string Prefix = "Affairs.Workflows.AffairTypes.BuiltIn.";

    /// <summary>The built-in documents by affair-type id (the file name without <c>.json</c>).</summary>
    public static IReadOnlyDictionary<string, string> Documents()
    {
        var assembly = typeof(BuiltInAffairTypes).Assembly;
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            documents[name[Prefix.Length..^".json".Length]] = reader.ReadToEnd();
        }

        return documents;
    }
}
