namespace Affairs.Workflows.Staffing;

/// <summary>The shape of staff, post and grid ids: 1 to 40 lower-case letters, digits and dashes.</summary>
public static class StaffIds
{
    /// <summary>The rule, for error messages.</summary>
    public const string Rule = "An id has 1 to 40 lower-case letters, digits and dashes.";

    /// <summary>Whether <paramref name="id"/> has the shape of an id.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 40 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
