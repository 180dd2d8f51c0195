using System.CommandLine.Parsing;
using System.Globalization;

namespace Affairs.Host.Cli;

/// <summary>Parsers for option values, each refusing a bad value with a message that says what it takes.</summary>
internal static class CliValues
{
    private delegate bool TryParse<T>(string text, out T value);

    public static long? Revision(ArgumentResult result) => Parse(
        result,
        (string text, out long revision) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out revision),
        "a revision; give a whole number, 0 or more");

    public static DateTimeOffset? Time(ArgumentResult result) => Parse(
        result,
        (string text, out DateTimeOffset time) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time),
        "a time; give an ISO 8601 time, such as 2026-03-09T10:00:00+08:00");

    public static DateOnly? Date(ArgumentResult result) => Parse(
        result,
        (string text, out DateOnly date) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date),
        "a date; give one as yyyy-MM-dd, such as 2026-01-31");

    /// <summary>A name of <typeparamref name="T"/>, in any case; the error lists the names.</summary>
    public static T? OneOf<T>(ArgumentResult result)
        where T : struct, Enum => Parse(
        result,
        (string text, out T value) => Enum.TryParse(Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)), out value),
        $"one of {string.Join(", ", Names<T>())}");

    /// <summary>The names of <typeparamref name="T"/> as the command line takes them.</summary>
    public static IEnumerable<string> Names<T>()
        where T : struct, Enum => Enum.GetNames<T>().Select(n => n.ToLowerInvariant());

    private static T? Parse<T>(ArgumentResult result, TryParse<T> parse, string expected)
        where T : struct
    {
        var text = result.Tokens[0].Value;
        if (parse(text, out var value))
        {
            return value;
        }

        result.AddError($"{Name(result)}: '{text}' is not {expected}.");
        return null;
    }

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
