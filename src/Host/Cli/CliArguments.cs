namespace Affairs.Host.Cli;

/// <summary>
/// The command line: a command name (<c>serve</c> when none is given), its arguments and flags, and whatever is left
/// for the host's configuration (<c>--Store=Postgres</c>, <c>--urls=…</c>).
/// </summary>
internal sealed record CliArguments(string Name, IReadOnlyList<string> Positionals, IReadOnlyDictionary<string, string?> Options, string[] HostArguments)
{
    public static readonly IReadOnlySet<string> Commands = new HashSet<string>(StringComparer.Ordinal) { "serve", "replay", "verify", "digest", "define", "import", "rebuild", "stats", "help" };

    private static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "seed", "all", "publish" };
    private static readonly IReadOnlySet<string> Valued = new HashSet<string>(StringComparer.Ordinal) { "at", "revision", "from", "to", "period", "type", "against" };

    public bool Has(string option) => Options.ContainsKey(option);

    public string? Option(string option) => Options.GetValueOrDefault(option);

    public static CliArguments Parse(string[] args)
    {
        var name = args.Length > 0 && Commands.Contains(args[0]) ? args[0] : "serve";
        if (args.Length > 0 && args[0] is "-h" or "--help")
        {
            name = "help";
        }

        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = name == "serve" && (args.Length == 0 || args[0] != "serve") ? 0 : 1; i < args.Length; i++)
        {
            var arg = args[i];
            var key = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (key is not null && Flags.Contains(key))
            {
                options[key] = null;
            }
            else if (key is not null && Valued.Contains(key) && i + 1 < args.Length)
            {
                options[key] = args[++i];
            }
            else if (key is not null || name == "serve")
            {
                host.Add(arg);
            }
            else
            {
                positionals.Add(arg);
            }
        }

        return new CliArguments(name, positionals, options, [.. host]);
    }
}
