using System.Globalization;
using HostServer = Affairs.Host.Tests.Scaling.HostProcess;

namespace Affairs.LoadTest;

/// <summary>
/// The host on EventStoreDB against the host on its embedded SQLite store (<c>--esdb</c>), in the same run: each round
/// starts one host on a fresh SQLite file and one on the EventStoreDB server given (its board kept in a SQLite file of
/// the host's own data folder, as by default), seeds it, drives the same clients against each in turn, and prints
/// trigger requests/s and p99 for both and their ratio. Give it a server that keeps its log on disk (<c>esdb.sh start
/// DIR --disk</c>): an in-memory log is not what a deployment runs. The server shares the machine's cores with the hosts
/// and this tool, as it would not in a deployment.
/// </summary>
internal static class StoreComparisonRun
{
    private sealed record Measured(int Round, string Store, double TriggerRate, double TriggerP99, double Rate, int Failures);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {options.Clients} clients, the host on SQLite against the host on EventStoreDB, scenario {options.Scenario}, {options.Rounds} round(s) of {options.WarmUp.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured per store, {Environment.ProcessorCount} cores shared by the hosts, the server and this tool"));
        string[] pseudonym = ["--Affairs:ResidentPseudonymKey=load-test-pseudonym-key-0123456789"];
        var results = new List<Measured>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            results.Add(await MeasureAsync(options, round, "sqlite", ["--Store=Sqlite", .. pseudonym]));
            results.Add(await MeasureAsync(options, round, "eventstoredb", ["--Store=EventStoreDb", $"--Store:EventStoreDb:ConnectionString={options.EventStoreDb}", .. pseudonym]));
        }

        Console.WriteLine();
        Console.WriteLine("| round | store | triggers/s | trigger p99 ms | requests/s | failed |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Round} | {r.Store} | {r.TriggerRate:0} | {r.TriggerP99:0.0} | {r.Rate:0} | {r.Failures} |"));
        }

        // Paired by round, so that a noisy stretch of the machine weighs on both sides of a ratio.
        var ratios = results.GroupBy(r => r.Round)
            .Select(g => g.Single(r => r.Store == "eventstoredb").TriggerRate / g.Single(r => r.Store == "sqlite").TriggerRate)
            .ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"EventStoreDB / SQLite trigger requests/s per round: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Affairs.Benchmarks.AppendBenchmark.Median(ratios):0.00}× (target 0.7×)"));
        return results.Any(r => r.Failures > 0) ? 1 : 0;
    }

    private static async Task<Measured> MeasureAsync(LoadOptions options, int round, string store, string[] configuration)
    {
        using var host = new HostServer($"{store}-{round}", configuration, options.HostAssembly);
        try
        {
            using (var starting = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            {
                await host.StartAsync(starting.Token);
            }

            var (summary, window, failures) = await MultiHostRun.MeasureStartedAsync(options, [host], $"round {round}, {store}");
            return new Measured(round, store, summary.TriggerRate, summary.TriggerP99, summary.Requests / window.TotalSeconds, failures);
        }
        catch (Exception) when (MultiHostRun.Dump([host]))
        {
            throw;
        }
    }
}
