using System.Globalization;
using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Microsoft.AspNetCore.Http;

namespace Affairs.Host.WebConsole;

/// <summary>
/// Field values posted by a form built from a definition, as the JSON the API would receive. A value that is not of the
/// field's type is passed on as text, so the engine refuses it by field, as it does for the API.
/// </summary>
internal static class FormData
{
    public const string Prefix = "data.";

    public static Dictionary<string, JsonElement> Read(IFormCollection form, IEnumerable<FieldDefinition> fields)
    {
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var raw = form[Prefix + field.Name].ToString().Trim();
            if (field.Type == FieldType.Boolean)
            {
                data[field.Name] = JsonSerializer.SerializeToElement(raw == "true");
            }
            else if (raw.Length > 0)
            {
                data[field.Name] = Value(field.Type, raw);
            }
        }

        return data;
    }

    private static JsonElement Value(FieldType? type, string raw) => type switch
    {
        FieldType.Integer when long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonSerializer.SerializeToElement(whole),
        FieldType.Decimal when decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonSerializer.SerializeToElement(number),
        FieldType.List => JsonSerializer.SerializeToElement(raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        _ => JsonSerializer.SerializeToElement(raw),
    };

    /// <summary>A stored value as a person reads it.</summary>
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join("、", value.EnumerateArray().Select(Show)),
        JsonValueKind.True => "✓",
        JsonValueKind.False => "✗",
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        _ => value.GetRawText(),
    };
}
