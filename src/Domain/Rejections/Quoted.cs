namespace Affairs.Domain.Rejections;

/// <summary>
/// Input named in a refusal's message: repeated only when it is short and printable (a field name, an id), otherwise
/// described by its length, so that a refusal never carries back what a client sent in bulk.
/// </summary>
public static class Quoted
{
    /// <summary>The longest input repeated as it is.</summary>
    public const int MaxLength = 64;

    /// <summary><c>'value'</c>, or a description of it when it is long or holds control characters.</summary>
    public static string Of(string? value) =>
        value is null ? "(none)"
        : value.Length <= MaxLength && !value.Any(char.IsControl) ? $"'{value}'"
        : $"(a name of {value.Length} characters)";
}
