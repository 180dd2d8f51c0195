namespace Affairs.Host.Security;

/// <summary>What an integration client may be allowed to do.</summary>
internal static class Scopes
{
    public const string CasesRead = "cases:read";
    public const string CasesWrite = "cases:write";
    public const string ResidentsRead = "residents:read";
    public const string ResidentsWrite = "residents:write";
    public const string FeedRead = "feed:read";

    /// <summary>Personal data unmasked in responses and in the feed.</summary>
    public const string PersonalDataRead = "personal-data:read";

    /// <summary>Every scope, in the order the README lists them: what a key may be given.</summary>
    public static IReadOnlyList<string> All { get; } = [CasesRead, CasesWrite, ResidentsRead, ResidentsWrite, FeedRead, PersonalDataRead];
}
