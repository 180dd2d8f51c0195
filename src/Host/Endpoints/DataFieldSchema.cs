using System.Text.Json.Serialization;
using Affairs.Domain.AffairTypes;

namespace Affairs.Host.Endpoints;

/// <summary>
/// The JSON Schema of one case data field: its JSON types (null clears a value), format, pattern, range and allowed
/// values, and under <c>x-requiredFrom</c> the state the case may enter only once the field has a value.
/// </summary>
internal sealed record DataFieldSchema(
    IReadOnlyList<string> Type,
    string? Title = null,
    string? Description = null,
    string? Format = null,
    string? Pattern = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    [property: JsonPropertyName("enum")] IReadOnlyList<string?>? Enum = null,
    DataFieldSchema? Items = null,
    int? MinItems = null,
    int? MinLength = null,
    [property: JsonPropertyName("x-requiredFrom")] string? RequiredFrom = null,
    [property: JsonPropertyName("x-personal")] bool? Personal = null)
{
    /// <summary>The schema of <paramref name="field"/> as <c>FieldValue.FromJson</c> and the field's rule read it.</summary>
    public static DataFieldSchema For(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var pattern = field.Pattern is { } p ? $"^(?:{p})$" : null;
        var values = field.Values.Count > 0 ? field.Values : null;
        var required = field.RequiredFrom is { } state ? $"Required before the case enters {state}." : "Optional.";
        var schema = field.Type switch
        {
            FieldType.Integer => new DataFieldSchema(["integer", "null"], Minimum: field.Min, Maximum: field.Max),
            FieldType.Decimal => new DataFieldSchema(["number", "null"], Minimum: field.Min, Maximum: field.Max),
            FieldType.Boolean => new DataFieldSchema(["boolean", "null"]),
            FieldType.Date => new DataFieldSchema(["string", "null"], Format: "date"),
            FieldType.Enum => new DataFieldSchema(["string", "null"], Enum: [.. field.Values, null]),
            FieldType.List => new DataFieldSchema(["array", "null"], MinItems: 1, Items: new DataFieldSchema(["string"], MinLength: 1, Pattern: pattern, Enum: values)),
            _ => new DataFieldSchema(["string", "null"], Pattern: pattern),
        };
        return schema with
        {
            Title = field.Label?.En is { Length: > 0 } en ? en : field.Name,
            Description = field.Label?.ZhCn is { Length: > 0 } zh ? $"{zh}. {required}" : required,
            RequiredFrom = field.RequiredFrom,
            Personal = field.Personal ? true : null,
        };
    }
}
