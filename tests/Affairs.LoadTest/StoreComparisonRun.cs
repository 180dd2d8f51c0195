using System.Globalization;
using HostServer = Affairs.Host.Tests.Scaling.HostProcess;

namespace Affairs.LoadTest;

/// <summary>
/// The host on EventStoreDB against the host on its embedded SQLite store (<c>--esdb</c>), in the same run: each round
/// starts one host on a fresh SQLite file and one on the EventStoreDB server given (its board kept in a SQLite file of
/// the host's own data folder, as by default), seeds it, drives the same clients against each in turn, and prints
/// trigger requests/s and p99 for both and their ratio. Give it a server that keeps its log on disk (<c>esdb.sh start
/// DIR --disk</c>): an in-memory log is not what a deployment runs. The server shares the machine's cores with the hosts
/// and this tool, as it would not in a deployment, so each round also reads the CPU per request of the host, of the
/// server (its processes found by the ports they listen on, when they run on this machine) and of this tool: when both
/// runs are bound by the same cores, the ratio of the two sides' sums is the most the EventStoreDB side can reach.
/// </summary>
internal static class StoreComparisonRun
{
    private sealed record Measured(int Round, string Store, double TriggerRate, double TriggerP99, double Rate, int Failures, double HostCpu, double? ServerCpu, double ToolCpu)
    {
        /// <summary>CPU per request of everything on the machine that serves or sends it; null when the server's is unknown.</summary>
        public double? TotalCpu => ServerCpu is { } server ? HostCpu + server + ToolCpu : null;
    }

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
        Console.WriteLine("| round | store | triggers/s | trigger p99 ms | requests/s | failed | host CPU µs/request | server CPU µs/request | this tool CPU µs/request |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var server = r.ServerCpu is { } cpu ? cpu.ToString("0", CultureInfo.InvariantCulture) : "not on this machine";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Round} | {r.Store} | {r.TriggerRate:0} | {r.TriggerP99:0.0} | {r.Rate:0} | {r.Failures} | {r.HostCpu:0} | {server} | {r.ToolCpu:0} |"));
        }

        // Paired by round, so that a noisy stretch of the machine weighs on both sides of a ratio.
        var ratios = results.GroupBy(r => r.Round)
            .Select(g => g.Single(r => r.Store == "eventstoredb").TriggerRate / g.Single(r => r.Store == "sqlite").TriggerRate)
            .ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"EventStoreDB / SQLite trigger requests/s per round: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Affairs.Benchmarks.AppendBenchmark.Median(ratios):0.00}× (target 0.7×)"));
        var ceilings = results.GroupBy(r => r.Round)
            .Select(g => (Sqlite: g.Single(r => r.Store == "sqlite").TotalCpu, EventStoreDb: g.Single(r => r.Store == "eventstoredb").TotalCpu))
            .Where(pair => pair is { Sqlite: not null, EventStoreDb: not null })
            .Select(pair => pair.Sqlite!.Value / pair.EventStoreDb!.Value)
            .ToArray();
        if (ceilings.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU per request of host, server and this tool together, SQLite / EventStoreDB per round: {string.Join(", ", ceilings.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Affairs.Benchmarks.AppendBenchmark.Median(ceilings):0.00}× (the most the EventStoreDB side can reach on cores both runs fill)"));
        }
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

            var hostProcess = new HostProcess(host.ProcessId ?? throw new InvalidOperationException($"{host.Name} is not running"));
            var server = store == "sqlite" ? [] : ServerProcesses(options.EventStoreDb!);
            List<Func<TimeSpan>> meters = [hostProcess.CpuTime, ThisProcessCpu, .. server.Select(p => (Func<TimeSpan>)p.CpuTime)];
            var (summary, window, failures, cpu) = await MultiHostRun.MeasureStartedAsync(options, [host], $"round {round}, {store}", meters);
            double? serverCpu = store == "sqlite" ? 0 : server.Count > 0 ? cpu.Skip(2).Sum() : null;
            return new Measured(round, store, summary.TriggerRate, summary.TriggerP99, summary.Requests / window.TotalSeconds, failures, cpu[0], serverCpu, cpu[1]);
        }
        catch (Exception) when (MultiHostRun.Dump([host]))
        {
            throw;
        }
    }

    private static TimeSpan ThisProcessCpu()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// The processes of this machine listening on the nodes the connection string names (<c>esdb://host:port</c>,
    /// <c>esdb+discover://a:p,b:q</c>); empty when any of them is not found here (a server elsewhere).
    /// </summary>
    private static List<HostProcess> ServerProcesses(string connectionString)
    {
        var authority = connectionString[(connectionString.IndexOf("://", StringComparison.Ordinal) + 3)..];
        authority = authority.Split('?', '/')[0];
        var found = new List<HostProcess>();
        foreach (var node in authority.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                found.Add(HostProcess.Find(new Uri("http://" + node), null));
            }
            catch (Exception error) when (error is ArgumentException or UriFormatException)
            {
                Console.WriteLine($"server CPU not measured: {error.Message}");
                return [];
            }
        }

        return found;
    }
}
