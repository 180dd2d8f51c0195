using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Affairs.Domain.AffairTypes;

/// <summary>
/// The JSON form of definitions: camelCase members, kebab-case enum values (<c>working-days</c>), comments and
/// trailing commas allowed, unknown members refused. Serialising gives a canonical text, so identical content
/// compares equal however it was formatted.
/// </summary>
public static class AffairTypeJson
{
    /// <summary>The serializer options for definitions; read-only, so no caller can change how definitions read.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The canonical JSON of <paramref name="definition"/>.</summary>
    public static byte[] ToUtf8(AffairTypeDefinition definition) => JsonSerializer.SerializeToUtf8Bytes(definition, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese names stay readable in stored definitions; the output is data, never embedded in HTML.
            Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly();
        return options;
    }
}
