using System.Diagnostics;
using System.Globalization;
using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Projections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Benchmarks;

/// <summary>
/// Catch-up of the case board (behind queues, deadlines, timers and statistics) from the SQLite store, from position 0
/// to the end, beside the raw <c>ReadAllAsync</c> rate over the same log in the same run. Events are real case events
/// encoded by the engine's codec (closed dibao histories of eight events, see <see cref="CaseHistories"/>).
/// </summary>
internal static class ProjectionBenchmark
{
    private const int Cases = 25_000;

    public static async Task RunAsync(BenchmarkArguments arguments)
    {
        var folder = Path.Combine(Path.GetTempPath(), "affairs-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = Path.Combine(folder, "bench.db"), Durability = SqliteDurability.Normal });
            await using var services = CaseHistories.Services(store);
            await services.GetRequiredService<AffairsStartup>().InitializeAsync();
            var codec = services.GetRequiredService<EventCodec>();
            var (events, _) = await CaseHistories.WriteAsync(store, codec, "b", Cases, _ => false, inFlight: 1);
            Console.WriteLine($"projections benchmark: {arguments.Rounds} rounds over {events} events ({Cases} cases), {Environment.ProcessorCount} cores");
            var raw = new double[arguments.Rounds];
            var board = new double[arguments.Rounds];
            for (var i = 0; i < arguments.Rounds; i++)
            {
                raw[i] = await RawAsync(store, events);
                board[i] = await CatchUpAsync(services, store, codec, events);
            }

            Console.WriteLine();
            Console.WriteLine("| measure | median events/s | × raw read | rounds |");
            Console.WriteLine("|---|---:|---:|---|");
            Row("raw ReadAllAsync from 0 (baseline)", raw, Median(raw));
            Row("case board catch-up from 0 (decode + apply)", board, Median(raw));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> RawAsync(IEventStore store, long expected)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        await foreach (var _ in store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue))
        {
            count++;
        }

        return Check(count, expected) / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> CatchUpAsync(IServiceProvider services, IEventStore store, EventCodec codec, long expected)
    {
        var projections = new ProjectionEngine(store, codec, services.GetRequiredService<DeadlineCalculator>(), TimeProvider.System, services.GetRequiredService<AffairsMetrics>());
        var clock = Stopwatch.StartNew();
        var applied = await projections.CatchUpAsync();
        return Check(applied, expected) / clock.Elapsed.TotalSeconds;
    }

    private static long Check(long count, long expected) =>
        count >= expected ? count : throw new InvalidOperationException($"read {count} events, expected at least {expected}");

    private static void Row(string name, double[] rates, double baseline)
    {
        var median = Median(rates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {median:0} | {median / baseline:0.00} | {string.Join(" ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |"));
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
