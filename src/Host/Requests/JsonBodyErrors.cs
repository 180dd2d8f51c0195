using System.Text.Json;
using System.Text.RegularExpressions;

namespace Affairs.Host.Requests;

/// <summary>
/// Names the field of a request body that System.Text.Json could not read, from the exception's JSON path and the
/// endpoint's declared body type, and says what it accepts (the allowed values of an enum). Never repeats the value.
/// </summary>
internal static partial class JsonBodyErrors
{
    private const int MaxPathLength = 100;

    /// <summary>The field (a JSON path without <c>$.</c>, or <c>body</c>) and what it accepts.</summary>
    public static (string Field, string Message) Describe(JsonException error, Type? bodyType)
    {
        var path = error.Path is { Length: > 1 and <= MaxPathLength } p && p.StartsWith("$.", StringComparison.Ordinal) && p.All(c => !char.IsControl(c)) ? p : null;
        if (path is null)
        {
            return ("body", "The request body is not valid JSON of the expected shape.");
        }

        // The runtime says so only in its message; the member's name it quotes is not repeated.
        if (error.Message.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            return (path[2..], "A member is given more than once here; send each once.");
        }

        var target = bodyType is null ? null : Resolve(bodyType, path);
        var enumType = target is null ? null : Nullable.GetUnderlyingType(target) ?? target;
        return enumType is { IsEnum: true }
            ? (path[2..], $"One of: {string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}.")
            : (path[2..], target is null ? "Not valid JSON here." : $"Expected {Describe(target)}.");
    }

    /// <summary>The CLR type at <paramref name="path"/> (<c>$.a.b[0]</c>) under <paramref name="root"/>, where it can be followed.</summary>
    private static Type? Resolve(Type root, string path)
    {
        var type = root;
        foreach (Match segment in Segment().Matches(path[1..]))
        {
            if (segment.Groups["index"].Success)
            {
                type = ElementOf(type);
            }
            else
            {
                var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
                type = type.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType
                    ?? DictionaryValueOf(type);
            }

            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueOf(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => "a string",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(int) || t == typeof(long) => "an integer",
            _ when t == typeof(decimal) || t == typeof(double) => "a number",
            _ when t == typeof(DateOnly) => "a date (yyyy-MM-dd)",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "a date and time (RFC 3339)",
            _ when t == typeof(System.Text.Json.JsonElement) => "JSON",
            _ when DictionaryValueOf(t) is not null => "an object",
            _ when ElementOf(t) is not null => "an array",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
