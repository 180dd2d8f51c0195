using System.Text.Json;
using System.Text.RegularExpressions;
using Affairs.Domain.AffairTypes;

namespace Affairs.Workflows.AffairTypes;

/// <summary>The compiled validation of one field: its type, range, pattern and allowed values.</summary>
internal sealed class FieldRule
{
    private readonly FieldDefinition _field;
    private readonly Regex? _pattern;

    private FieldRule(FieldDefinition field)
    {
        _field = field;
        _pattern = field.Pattern is { } p ? Compile($"^(?:{p})$") : null;
    }

    /// <summary>
    /// A pattern is matched without backtracking, in time linear in the input and with no timeout, so that whether data
    /// is valid never depends on how busy the machine is (a timeout under load would refuse a valid command). Only a
    /// version published before patterns had to be linear can hold one that needs backtracking; it keeps its timeout.
    /// </summary>
    private static Regex Compile(string pattern) =>
        AffairTypeValidator.IsLinear(pattern)
            ? new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)
            : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    public static FieldRule For(FieldDefinition field) => new(field);

    public string Expectation => _field.Type switch
    {
        FieldType.Enum => $"must be one of {string.Join(", ", _field.Values)}",
        FieldType.Text when _pattern is not null => "must be text matching the field's pattern",
        FieldType.Integer or FieldType.Decimal when _field.Min is not null || _field.Max is not null =>
            $"must be {(_field.Type == FieldType.Integer ? "a whole number" : "a number")} from {_field.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"} to {_field.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}",
        FieldType.Date => "must be a date (yyyy-MM-dd)",
        FieldType.List when _field.Values.Count > 0 => $"must be a list of one or more of {string.Join(", ", _field.Values)}",
        FieldType.List => "must be a list of one or more non-empty texts",
        _ => $"must be of type {_field.Type?.ToString().ToLowerInvariant()}",
    };

    public FieldValue? Read(JsonElement json)
    {
        if (FieldValue.FromJson(json, _field.Type!.Value) is not { } value)
        {
            return null;
        }

        return value.Kind switch
        {
            FieldValueKind.Number when value.AsNumber < _field.Min || value.AsNumber > _field.Max => null,
            FieldValueKind.Text when _field.Type == FieldType.Enum && !_field.Values.Contains(value.AsText) => null,
            FieldValueKind.Text when _pattern is not null && !_pattern.IsMatch(value.AsText) => null,
            FieldValueKind.List when _field.Values.Count > 0 && value.AsList.Any(i => !_field.Values.Contains(i)) => null,
            FieldValueKind.List when _pattern is not null && value.AsList.Any(i => !_pattern.IsMatch(i)) => null,
            _ => value,
        };
    }
}
