using System.Globalization;
using System.Text.Json;

namespace Affairs.Domain.AffairTypes;

/// <summary>
/// One value of case data, a policy parameter or a guard's intermediate result: null, a decimal number, text, a
/// boolean, a date or a list of text items. Numbers are <see cref="decimal"/> so money never rounds in binary.
/// </summary>
public readonly record struct FieldValue
{
    private readonly decimal _number;
    private readonly string? _text;
    private readonly bool _boolean;
    private readonly DateOnly _date;
    private readonly IReadOnlyList<string>? _items;

    private FieldValue(FieldValueKind kind, decimal number = 0, string? text = null, bool boolean = false, DateOnly date = default, IReadOnlyList<string>? items = null)
    {
        _items = items;
        Kind = kind;
        _number = number;
        _text = text;
        _boolean = boolean;
        _date = date;
    }

    /// <summary>The value's kind; <see cref="FieldValueKind.Null"/> for the default value.</summary>
    public FieldValueKind Kind { get; }

    /// <summary>True when there is no value.</summary>
    public bool IsNull => Kind == FieldValueKind.Null;

    /// <summary>No value.</summary>
    public static FieldValue Null => default;

    /// <summary>The items, for <see cref="FieldValueKind.List"/>.</summary>
    public IReadOnlyList<string> AsList => Kind == FieldValueKind.List ? _items! : throw WrongKind(FieldValueKind.List);

    /// <summary>The number, for <see cref="FieldValueKind.Number"/>.</summary>
    public decimal AsNumber => Kind == FieldValueKind.Number ? _number : throw WrongKind(FieldValueKind.Number);

    /// <summary>The text, for <see cref="FieldValueKind.Text"/>.</summary>
    public string AsText => Kind == FieldValueKind.Text ? _text! : throw WrongKind(FieldValueKind.Text);

    /// <summary>The boolean, for <see cref="FieldValueKind.Boolean"/>.</summary>
    public bool AsBoolean => Kind == FieldValueKind.Boolean ? _boolean : throw WrongKind(FieldValueKind.Boolean);

    /// <summary>The date, for <see cref="FieldValueKind.Date"/>.</summary>
    public DateOnly AsDate => Kind == FieldValueKind.Date ? _date : throw WrongKind(FieldValueKind.Date);

    /// <summary>A number.</summary>
    public static FieldValue Number(decimal value) => new(FieldValueKind.Number, number: value);

    /// <summary>A text.</summary>
    public static FieldValue Text(string value) => new(FieldValueKind.Text, text: value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A boolean.</summary>
    public static FieldValue Boolean(bool value) => new(FieldValueKind.Boolean, boolean: value);

    /// <summary>A date.</summary>
    public static FieldValue Date(DateOnly value) => new(FieldValueKind.Date, date: value);

    /// <summary>A list of text items.</summary>
    public static FieldValue List(IEnumerable<string> items) => new(FieldValueKind.List, items: [.. items ?? throw new ArgumentNullException(nameof(items))]);

    /// <summary>
    /// Reads a JSON value as a field of <paramref name="type"/>: numbers from JSON numbers, dates from ISO 8601
    /// strings, enums and text from strings. JSON null reads as <see cref="Null"/>.
    /// </summary>
    /// <returns>The value, or null where the JSON does not fit the type.</returns>
    public static FieldValue? FromJson(JsonElement json, FieldType type) => (json.ValueKind, type) switch
    {
        (JsonValueKind.Null, _) => Null,
        (JsonValueKind.Number, FieldType.Integer) when json.TryGetDecimal(out var n) && n == decimal.Truncate(n) => Number(n),
        (JsonValueKind.Number, FieldType.Decimal) when json.TryGetDecimal(out var n) => Number(n),
        (JsonValueKind.True or JsonValueKind.False, FieldType.Boolean) => Boolean(json.GetBoolean()),
        (JsonValueKind.String, FieldType.Text or FieldType.Enum) => Text(json.GetString()!),
        (JsonValueKind.String, FieldType.Date) when DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Date(d),
        (JsonValueKind.Array, FieldType.List) when json.GetArrayLength() > 0 && json.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(i.GetString())) =>
            List(json.EnumerateArray().Select(i => i.GetString()!)),
        _ => null,
    };

    /// <summary>Writes the value as JSON, the inverse of <see cref="FromJson"/>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case FieldValueKind.Number: writer.WriteNumberValue(_number); break;
            case FieldValueKind.Text: writer.WriteStringValue(_text); break;
            case FieldValueKind.Boolean: writer.WriteBooleanValue(_boolean); break;
            case FieldValueKind.Date: writer.WriteStringValue(_date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case FieldValueKind.List:
                writer.WriteStartArray();
                foreach (var item in _items!)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteNullValue(); break;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FieldValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        FieldValueKind.Text => $"'{_text}'",
        FieldValueKind.Boolean => _boolean ? "true" : "false",
        FieldValueKind.Date => _date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldValueKind.List => $"[{string.Join(", ", _items!.Select(i => $"'{i}'"))}]",
        _ => "null",
    };

    private InvalidOperationException WrongKind(FieldValueKind wanted) => new($"The value is {Kind}, not {wanted}.");
}
