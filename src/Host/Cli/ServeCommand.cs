using System.CommandLine;

namespace Affairs.Host.Cli;

/// <summary><c>serve [--seed]</c>: runs the HTTP API; also what the executable does with no command.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("serve", "Run the HTTP API (what the executable does with no command).");
        Attach(command, cli);
        return command;
    }

    /// <summary>Makes <paramref name="command"/> serve: the root command does, so that no command means serve.</summary>
    public static void Attach(Command command, CliContext cli)
    {
        var seed = new Option<bool>("--seed") { Description = "Seed the demo centre again, adding only what is missing." };
        command.Options.Add(seed);
        command.SetAction(parsed => cli.ServeAsync(parsed.GetValue(seed)));
    }
}
