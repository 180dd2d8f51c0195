using System.CommandLine;
using Affairs.Host.Hosting;

namespace Affairs.Host.Cli;

/// <summary>
/// The executable's command line: with no command it serves the HTTP API; otherwise it runs one command against the
/// configured store. Unknown commands, options and bad values are refused with the problem and the command's help.
/// </summary>
internal static class AffairsCli
{
    /// <summary>The commands, in the order help lists them. A new command or group is its own file and one line here.</summary>
    private static readonly Func<CliContext, Command>[] Commands =
    [
        ServeCommand.Create,
        ReplayCommand.Create,
        VerifyCommand.Create,
        DigestCommand.Create,
        DefineCommand.Create,
        ImportCommand.Create,
        RebuildCommand.Create,
        StatsCommand.Create,
        KeysCommand.Create,
    ];

    private const string Description = """
        Affairs — the case engine of a community service centre. With no command, serves the HTTP API.

        Configuration may follow or precede any command, as --Key=Value or --Key Value where the key starts with an
        upper-case letter (--Store=Postgres, --Store:Postgres:ConnectionString=...), the host's own settings (--urls,
        --environment, --contentRoot), and everything after a lone '--'. Command options are lower-case.

        Exit codes: 0 done; 1 something did not hold (a broken chain, an invalid definition, a refused line);
        2 nothing was done (an unknown command or option, a bad value, a refused command).
        """;

    public static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand(Description);
        ServeCommand.Attach(root, cli);
        foreach (var create in Commands)
        {
            root.Subcommands.Add(create(cli));
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CliContext.Server? serve = null)
    {
        var (command, configuration) = ConfigurationArguments.Split(args);
        var cli = new CliContext(configuration, output ?? Console.Out, error ?? Console.Error, serve ?? ServeAsync);
        var root = Build(cli);
        var parsed = root.Parse(command);
        // The server handles Ctrl+C itself, and an unexpected exception keeps its stack trace and a crash's exit code.
        var invocation = new InvocationConfiguration { Output = cli.Output, Error = cli.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync(invocation);
        }

        foreach (var problem in parsed.Errors)
        {
            cli.Error.WriteLine(problem.Message);
        }

        cli.Error.WriteLine();
        await root.Parse([.. PathTo(parsed.CommandResult), "--help"]).InvokeAsync(new InvocationConfiguration { Output = cli.Error });
        return CliExitCodes.Usage;
    }

    /// <summary>The names of the (sub)commands that lead to <paramref name="result"/>, without the root.</summary>
    private static IEnumerable<string> PathTo(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var at = result; at.Parent is System.CommandLine.Parsing.CommandResult parent; at = parent)
        {
            names.Push(at.Command.Name);
        }

        return names;
    }

    private static async Task<int> ServeAsync(string[] configuration, bool seed)
    {
        var app = AffairsApplication.Build(configuration, seed);
        await app.RunAsync();
        return CliExitCodes.Success;
    }
}
