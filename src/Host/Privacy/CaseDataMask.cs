using System.Text.Json;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Host.Privacy;

/// <summary>Masks the case data fields an affair type declares <c>"personal": true</c> (bank accounts, birth dates).</summary>
internal static class CaseDataMask
{
    private static readonly JsonElement Hidden = JsonSerializer.SerializeToElement("***");

    public static IReadOnlyDictionary<string, JsonElement> Apply(CompiledAffairType? type, IReadOnlyDictionary<string, JsonElement> data)
    {
        var personal = type?.Definition.Fields.Where(f => f.Personal).Select(f => f.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        return personal.Count == 0 || !data.Keys.Any(personal.Contains)
            ? data
            : data.ToDictionary(d => d.Key, d => personal.Contains(d.Key) ? Hidden : d.Value, StringComparer.Ordinal);
    }
}
