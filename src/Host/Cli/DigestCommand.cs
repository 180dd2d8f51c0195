using System.CommandLine;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Workflows.Ledger;

namespace Affairs.Host.Cli;

/// <summary><c>digest</c>: prints the ledger digest of the log as JSON, for an auditor to keep outside the engine.</summary>
internal static class DigestCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext cli)
    {
        var command = new Command("digest", "Print the ledger digest of the log (JSON), for an auditor to keep outside the engine.");
        command.SetAction(_ => cli.WithServicesAsync(async services =>
        {
            var total = await RebuildCommand.CountAsync(services.GetRequiredService<IEventStore>());
            var digest = await cli.WithProgressAsync("digesting", total, progress => services.GetRequiredService<LedgerVerifier>().ComputeAsync(progress));
            cli.Output.WriteLine(JsonSerializer.Serialize(digest, Json));
            return CliExitCodes.Success;
        }));
        return command;
    }
}
