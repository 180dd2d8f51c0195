namespace Affairs.Host.WebConsole;

/// <summary>Where a form may send the reader back to: a console page on this host, never anywhere else.</summary>
internal static class ConsoleRedirect
{
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(ConsoleSession.PathPrefix, StringComparison.Ordinal)
            && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : ConsoleSession.PathPrefix;
}
