using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Events;
using Affairs.EventStore;
using Affairs.Domain.Staffing;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Projections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Affairs.Benchmarks;

/// <summary>
/// Catch-up of the case board (behind queues, deadlines, timers and statistics) from the SQLite store, from position 0
/// to the end, beside the raw <c>ReadAllAsync</c> rate over the same log in the same run. Events are real case events
/// encoded by the engine's codec (dibao histories of eight events).
/// </summary>
internal static class ProjectionBenchmark
{
    private const int Cases = 25_000;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly IReadOnlyDictionary<string, JsonElement> Data = new Dictionary<string, JsonElement>
    {
        ["householdSize"] = JsonSerializer.SerializeToElement(3),
        ["monthlyIncomePerPerson"] = JsonSerializer.SerializeToElement(520m),
    };

    public static async Task RunAsync(BenchmarkArguments arguments)
    {
        var folder = Path.Combine(Path.GetTempPath(), "affairs-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = Path.Combine(folder, "bench.db"), Durability = SqliteDurability.Normal });
            await using var services = Services(store);
            await services.GetRequiredService<AffairsStartup>().InitializeAsync();
            var codec = services.GetRequiredService<EventCodec>();
            var events = await WriteAsync(store, codec);
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

    private static ServiceProvider Services(IEventStore store)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAffairs(o =>
        {
            o.ResidentPseudonymKey = "benchmark-key-0123456789";
            foreach (var schedule in HolidayScheduleFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "calendars")))
            {
                o.HolidaySchedules.Add(schedule);
            }
        });
        return services.BuildServiceProvider();
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

    /// <summary>Dibao histories: opened, accepted with the clock started, two records, to first review, passed, ended.</summary>
    private static async Task<long> WriteAsync(IEventStore store, EventCodec codec)
    {
        long written = 0;
        for (var c = 0; c < Cases; c++)
        {
            var id = "b" + c.ToString(CultureInfo.InvariantCulture);
            var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, Beijing).AddMinutes(c * 17 % 400_000);
            object[] history =
            [
                new CaseOpened(id, "dibao", 1, "household", "h" + id, "counter", "application", "post:dibao", Data, "s-a", ActingRole.A, at),
                Step(id, "accept", "application", "investigation", false, at.AddHours(2), c),
                new CaseClockStarted(id, "statutory", 30, true, at.AddHours(2)),
                Step(id, "record-data-check", "investigation", "investigation", true, at.AddHours(20), c),
                new CaseMaterialAttached(id, "home-visit-record", "visit.pdf", "application/pdf", 1024, new string('a', 64), "s-a", ActingRole.A, at.AddHours(30)),
                Step(id, "complete-investigation", "investigation", "first-review", false, at.AddHours(50), c),
                Step(id, "reject", "first-review", "rejected", false, at.AddHours(70), c),
                new CaseClockStopped(id, "statutory", at.AddHours(70)),
            ];
            var hash = string.Empty;
            var batch = new List<EventToAppend>(history.Length);
            foreach (var @event in history)
            {
                (var encoded, hash) = codec.Encode(Guid.NewGuid(), @event, new EventMetadata("bench", "bench", "s-a", null), hash);
                batch.Add(encoded);
            }

            await store.AppendAsync(CaseStreams.For(id), ExpectedRevision.NoStream, batch);
            written += batch.Count;
        }

        return written;
    }

    private static CaseTransitioned Step(string id, string trigger, string from, string to, bool isInternal, DateTimeOffset at, int c)
    {
        var role = c % 5 == 0 ? ActingRole.B : ActingRole.A;
        var terminal = to == "rejected";
        return new CaseTransitioned(
            id, trigger, from, to, isInternal, role == ActingRole.B ? "s-b" : "s-a", role, "post:dibao", role == ActingRole.B ? TakeoverReason.AAbsent : null,
            terminal ? "income above the line" : null, Data, terminal ? null : "post:dibao", terminal ? "rejected" : null, at, 1);
    }

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
