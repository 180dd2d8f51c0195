using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using HostServer = Affairs.Host.Tests.Scaling.HostProcess;

namespace Affairs.LoadTest;

/// <summary>
/// Several host processes on one PostgreSQL, against one (<c>--postgres</c>): for each host count in turn, a fresh schema
/// seeded by the first host, the same clients spread round-robin over the hosts, and commands/s and p99 over the
/// measured window. On a machine whose cores the hosts, the database and this tool all share, more hosts cannot add
/// capacity: what the figures show is what coordinating through the database costs (every host follows the log, builds
/// its own board and competes for the same rows), not how the deployment scales.
/// </summary>
internal static class MultiHostRun
{
    /// <summary>Connections the server has for all hosts together (PostgreSQL's default is 100; some are kept back).</summary>
    private const int Connections = 90;

    private sealed record Measured(int Round, int Hosts, double Rate, double P50, double P99, int Failures);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {options.Clients} clients spread over {string.Join(", ", options.HostCounts)} host(s) on one PostgreSQL, scenario {options.Scenario}, {options.Rounds} round(s) of {options.WarmUp.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured per configuration, {Environment.ProcessorCount} cores shared by the hosts, the database and this tool"));
        var results = new List<Measured>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var count in options.HostCounts)
            {
                results.Add(await MeasureAsync(options, round, count));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| round | hosts | commands/s | p50 ms | p99 ms | failed |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Round} | {r.Hosts} | {r.Rate:0} | {r.P50:0.0} | {r.P99:0.0} | {r.Failures} |"));
        }

        if (options.Rounds > 1)
        {
            foreach (var group in results.GroupBy(r => r.Hosts))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| median | {group.Key} | {Median(group, r => r.Rate):0} | {Median(group, r => r.P50):0.0} | {Median(group, r => r.P99):0.0} | {group.Sum(r => r.Failures)} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Environment.ProcessorCount <= 4
            ? $"On {Environment.ProcessorCount} cores shared by every host, the database and the clients, more hosts add no capacity: the figures show the cost of coordination (each host follows the whole log and keeps its own board), not scale."
            : "Every host follows the whole log and keeps its own board: the difference between rows is the cost of that coordination as well as any capacity the hosts add.");
        return results.Any(r => r.Failures > 0) ? 1 : 0;
    }

    private static async Task<Measured> MeasureAsync(LoadOptions options, int round, int count)
    {
        var schema = "load_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(options.Postgres!);
        connection.MaxPoolSize = Math.Min(connection.MaxPoolSize, Connections / count);
        string[] configuration =
        [
            "--Store=Postgres", $"--Store:Postgres:ConnectionString={connection.ConnectionString}", $"--Store:Postgres:Schema={schema}",
            "--Affairs:ResidentPseudonymKey=load-test-pseudonym-key-0123456789",
        ];
        var hosts = Enumerable.Range(1, count).Select(i => new HostServer($"host-{i}", configuration, options.HostAssembly)).ToList();
        try
        {
            using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await hosts[0].StartAsync(starting.Token);
            await Task.WhenAll(hosts.Skip(1).Select(h => h.StartAsync(starting.Token)));
            var (summary, window, failures, _) = await MeasureStartedAsync(options, hosts, $"round {round}, {count} host(s)");
            return new Measured(round, count, summary.Requests / window.TotalSeconds, summary.P50, summary.P99, failures);
        }
        catch (Exception) when (Dump(hosts))
        {
            throw;
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }

            await DropAsync(options.Postgres!, schema);
        }
    }

    /// <summary>
    /// Drives the clients over <paramref name="hosts"/>, already started: an unmeasured pass first, so that the measured
    /// one carries no host's JIT and tiering, then the measured window, whose table is printed under <paramref name="label"/>.
    /// Each of <paramref name="meters"/> (a process's CPU time so far) is read at the start and the end of the measured
    /// window; the answer has each one's CPU per request measured, in µs, in the same order.
    /// </summary>
    internal static async Task<((double TriggerRate, double TriggerP99, long Requests, double P50, double P99) Summary, TimeSpan Window, int Failures, double[] CpuPerRequest)> MeasureStartedAsync(
        LoadOptions options, IReadOnlyList<HostServer> hosts, string label, IReadOnlyList<Func<TimeSpan>>? meters = null)
    {
        meters ??= [];
        var run = options.Subject.Length > 0 ? options : options with { Subject = await FirstHouseholdAsync(hosts[0], options.ApiKey) };
        using var http = options.NewHttpClient();
        await DriveAsync(http, run, hosts, new Latencies(), new LoadClock(TimeSpan.FromSeconds(5), TimeSpan.Zero, options.MaxRequests));
        var latencies = new Latencies();
        var clock = new LoadClock(options.WarmUp, options.Duration, options.MaxRequests);
        // The window opens when the warm-up ends, so the meters are read then, beside the clients, not after them.
        var opened = Task.Run(async () =>
        {
            await Task.Delay(options.WarmUp);
            return meters.Select(meter => meter()).ToArray();
        });
        await DriveAsync(http, run, hosts, latencies, clock);
        var closed = meters.Select(meter => meter()).ToArray();
        var atOpening = await opened;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: measured window {clock.Measured.TotalSeconds:0.0} s"));
        var summary = latencies.Print(clock.Measured);
        var cpu = closed.Select((end, i) => (end - atOpening[i]).TotalMicroseconds / Math.Max(1, summary.Requests)).ToArray();
        return (summary, clock.Measured, latencies.Failures, cpu);
    }

    private static Task DriveAsync(HttpClient http, LoadOptions options, IReadOnlyList<HostServer> hosts, Latencies latencies, LoadClock clock) =>
        Task.WhenAll(Enumerable.Range(0, options.Clients).Select(i => Task.Run(() => new CaseClient(http, options, hosts[i % hosts.Count].BaseUrl, latencies, clock).RunAsync())));

    /// <summary>
    /// The first household the host's board lists. A host on a store it did not write last rebuilds its board after it
    /// reports ready, so an empty list is asked again, for at most a minute.
    /// </summary>
    private static async Task<string> FirstHouseholdAsync(HostServer host, string apiKey)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/households?limit=1");
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await host.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = page.RootElement.GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].GetProperty("householdId").GetString()!;
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException($"{host.BaseUrl} lists no household a minute after it started.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task DropAsync(string postgres, string schema)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    internal static bool Dump(IEnumerable<HostServer> hosts)
    {
        foreach (var host in hosts)
        {
            Console.Error.WriteLine(host.Output);
        }

        return false;
    }

    private static double Median(IEnumerable<Measured> results, Func<Measured, double> figure) =>
        Affairs.Benchmarks.AppendBenchmark.Median([.. results.Select(figure)]);
}
