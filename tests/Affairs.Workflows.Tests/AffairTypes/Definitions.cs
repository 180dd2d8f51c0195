using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Tests.AffairTypes;

/// <summary>The built-in definitions and the administrator's sample, loaded through the one public loading path.</summary>
internal static class Definitions
{
    public const string Sample = "temporary-assistance";

    public static IReadOnlyList<string> BuiltInIds { get; } = [.. BuiltInAffairTypes.Documents().Keys];

    public static string Json(string id) => id == Sample
        ? File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", $"{Sample}.json"))
        : BuiltInAffairTypes.Documents()[id];

    public static CompiledAffairType Compile(string id) => Compile(id, Json(id));

    public static CompiledAffairType Compile(string id, string json)
    {
        var loaded = AffairTypeLoader.Load(json);
        Assert.True(loaded.IsValid, $"{id}: {string.Join("; ", loaded.Problems)}");
        return CompiledAffairType.Compile(loaded.Definition!, KnownPosts.Standing);
    }

    /// <summary>Reads case data given as JSON through the type's own field validation.</summary>
    public static IReadOnlyDictionary<string, FieldValue> Data(this CompiledAffairType type, string json)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var data = type.ReadData(values, out var problems);
        Assert.Empty(problems);
        return data;
    }
}
