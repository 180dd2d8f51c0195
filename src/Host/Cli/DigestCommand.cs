using System.Text.Json;
using Affairs.EventStore;
using Affairs.Workflows.Ledger;

namespace Affairs.Host.Cli;

/// <summary><c>digest</c>: prints the ledger digest of the log as JSON, for an auditor to keep outside the engine.</summary>
internal static class DigestCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var total = await RebuildCommand.CountAsync(services.GetRequiredService<IEventStore>());
        var progress = new ProgressBar("digesting", total, Console.Error);
        var digest = await services.GetRequiredService<LedgerVerifier>().ComputeAsync(progress);
        progress.Report(total);
        output.WriteLine(JsonSerializer.Serialize(digest, Json));
        return 0;
    }
}
