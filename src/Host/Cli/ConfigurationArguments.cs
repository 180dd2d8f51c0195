namespace Affairs.Host.Cli;

/// <summary>
/// Separates the host's configuration from a command line before it is parsed. Configuration is
/// <c>--Key=Value</c> or <c>--Key Value</c> whose key starts with an upper-case letter (<c>--Store=Postgres</c>,
/// <c>--Store:Postgres:Schema affairs</c>, <c>--Affairs:Seed=never</c>; keys are case-insensitive past the first
/// letter), the host's own settings (<c>--urls</c>, <c>--environment</c>, <c>--contentRoot</c>, …), and everything
/// after a lone <c>--</c>. Command options are lower-case, so the two never meet (<c>--revision:3</c> is the option);
/// anything else is left for the command line parser, which refuses what it does not know.
/// </summary>
internal static class ConfigurationArguments
{
    /// <summary>The settings of the host itself, whose keys are lower-case (HostDefaults, WebHostDefaults).</summary>
    private static readonly IReadOnlySet<string> HostKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports", "https_port",
    };

    public static (string[] Command, string[] Configuration) Split(IReadOnlyList<string> args)
    {
        var command = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                configuration.AddRange(args.Skip(i + 1));
                break;
            }

            if (!IsConfiguration(arg))
            {
                command.Add(arg);
                continue;
            }

            configuration.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                configuration.Add(args[++i]);
            }
        }

        return ([.. command], [.. configuration]);
    }

    /// <summary>Whether an argument names a configuration key rather than a command option.</summary>
    public static bool IsConfiguration(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
        {
            return false;
        }

        var key = arg[2..].Split('=', 2)[0];
        return key.Length > 0 && (char.IsAsciiLetterUpper(key[0]) || HostKeys.Contains(key));
    }
}
