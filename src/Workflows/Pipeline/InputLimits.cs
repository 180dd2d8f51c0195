using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;

namespace Affairs.Workflows.Pipeline;

/// <summary>
/// The documented limits every command and query is held to before anything reads a stream: ids are 1 to
/// <see cref="IdMaxLength"/> letters, digits, <c>-</c>, <c>_</c> and <c>.</c>; each text field has a maximum length by
/// its name (<see cref="TextMaxLength"/>); enum values are defined ones (named as the API spells them, kebab-case). A property named <c>…Id</c> is an id (required
/// unless nullable), <c>…Ids</c> a list of them; any other string is text.
/// </summary>
public static class InputLimits
{
    /// <summary>The longest id accepted, in characters; a stream name (<c>category-id</c>) stays far below the store's limit.</summary>
    public const int IdMaxLength = 64;

    /// <summary>The rule for ids, for messages.</summary>
    public const string IdRule = "An id has 1 to 64 letters, digits, '-', '_' and '.'.";

    /// <summary>The limit of a text field without a limit of its own.</summary>
    public const int DefaultTextMaxLength = 1000;

    private static readonly Dictionary<string, int> TextLimits = new(StringComparer.Ordinal)
    {
        ["Name"] = 100,
        ["Phone"] = 32,
        ["Address"] = 200,
        ["IdentityNumber"] = 18,
        ["Relation"] = 32,
        ["Channel"] = 32,
        ["Trigger"] = IdMaxLength,
        ["Source"] = 200,
        ["Reason"] = 1000,
        ["Text"] = 4000,
        ["FileName"] = 255,
        ["MediaType"] = 127,
        ["ContentHash"] = 128,
        ["Definition"] = 1024 * 1024, // a whole affair-type document; the request size limit bounds it over HTTP
    };

    /// <summary>
    /// Text fields of one line that name or identify something: besides control characters they refuse invisible
    /// formatting ones (bidirectional overrides, zero-width characters), with which two names that look the same differ.
    /// </summary>
    private static readonly HashSet<string> SingleLine = new(StringComparer.Ordinal)
    {
        "Name", "Phone", "IdentityNumber", "Relation", "Channel", "Trigger", "FileName", "MediaType", "ContentHash",
    };

    private static readonly ConcurrentDictionary<Type, Check[]> Checks = new();

    private sealed record Check(PropertyInfo Property, string Field, CheckKind Kind, bool Required, int MaxLength, bool SingleLine = false);

    private enum CheckKind
    {
        Id,
        Ids,
        Text,
        Enum,
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an id.</summary>
    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= IdMaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The longest text accepted in a field of this (C#) name.</summary>
    public static int TextMaxLength(string propertyName) => TextLimits.GetValueOrDefault(propertyName, DefaultTextMaxLength);

    /// <summary>Adds a problem for every id, text and enum of <paramref name="message"/> outside its limits, except on fields already refused.</summary>
    public static void Validate(object message, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var check in Checks.GetOrAdd(message.GetType(), ChecksOf))
        {
            if (!errors.Has(check.Field) && Problem(check, check.Property.GetValue(message)) is { } problem)
            {
                errors.Add(check.Field, problem);
            }
        }
    }

    private static string? Problem(Check check, object? value) => check.Kind switch
    {
        CheckKind.Id when value is null or "" => check.Required ? "An id is required." : null,
        CheckKind.Id => IsId((string)value) ? null : IdRule,
        CheckKind.Ids => value is IEnumerable<string?> ids && !ids.All(IsId) ? IdRule : null,
        CheckKind.Text when value is string { Length: var length } && length > check.MaxLength => $"At most {check.MaxLength} characters.",
        CheckKind.Text when value is string text && !Printable(text, check.SingleLine) => check.SingleLine
            ? "No control or invisible formatting characters, and one line."
            : "No control characters other than tabs and line breaks.",
        CheckKind.Enum => value is not null && !Enum.IsDefined(value.GetType(), value)
            ? $"One of: {string.Join(", ", Enum.GetNames(value.GetType()).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}."
            : null,
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="text"/> has no control character (a line break or tab only where more than one line may be
    /// given) and, in a one-line field, no invisible formatting character.
    /// </summary>
    internal static bool Printable(string text, bool singleLine)
    {
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == System.Globalization.UnicodeCategory.Control && (singleLine || c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }

            if (singleLine && (category == System.Globalization.UnicodeCategory.Format || c is '\u2028' or '\u2029'))
            {
                return false;
            }
        }

        return true;
    }

    private static Check[] ChecksOf(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var checks = new List<Check>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(CommandContext))
            {
                continue;
            }

            var field = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var kind = KindOf(property);
            if (kind is not null)
            {
                var required = nullability.Create(property).ReadState == NullabilityState.NotNull;
                checks.Add(new Check(property, field, kind.Value, required, TextMaxLength(property.Name), SingleLine.Contains(property.Name)));
            }
        }

        return [.. checks];
    }

    private static CheckKind? KindOf(PropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(string))
        {
            return property.Name.EndsWith("Id", StringComparison.Ordinal) ? CheckKind.Id : CheckKind.Text;
        }

        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum)
        {
            return CheckKind.Enum;
        }

        return property.Name.EndsWith("Ids", StringComparison.Ordinal) && typeof(IEnumerable<string>).IsAssignableFrom(type) ? CheckKind.Ids : null;
    }
}
