using System.Diagnostics;
using System.Globalization;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Projections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Benchmarks;

/// <summary>
/// What the case board costs per case: <c>--cases</c> open cases (20,000 by default) are projected into an engine
/// keeping the board in a SQLite read-model file, then as many closed ones; after each step full collections, and the
/// live heap (<see cref="GC.GetTotalMemory(bool)"/>) and the read-model file are measured, so the differences give bytes
/// per open and per closed case, in memory (what the engine holds: its builder and its published board) and on disk.
/// Then, on paper, a district after ten years, and its restart times scaled from the catch-up and load rates measured
/// here. Medians of <c>--rounds</c> rounds, each on a fresh log.
/// </summary>
internal static class BoardMemoryBenchmark
{
    private const int DefaultCases = 20_000;
    private const int WarmUp = 200;

    // The district on paper: about 20 centres of the seed's size over ten years.
    private const double DistrictCases = 1_000_000;
    private const double DistrictEvents = 10_000_000;
    private const double OpenShare = 0.02;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var cases = arguments.Cases ?? DefaultCases;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"board-memory benchmark: {cases} open then {cases} closed dibao cases per round, {arguments.Rounds} rounds, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}"));
        var rounds = new List<Round>();
        for (var i = 0; i < arguments.Rounds; i++)
        {
            rounds.Add(await AppendBenchmark.InFreshFolder(folder => RoundAsync(folder, cases)));
        }

        double M(Func<Round, double> measure) => AppendBenchmark.Median([.. rounds.Select(measure)]);
        var open = M(r => r.OpenHeap);
        var closed = M(r => r.ClosedHeap);
        var openDisk = M(r => r.OpenDisk);
        var closedDisk = M(r => r.ClosedDisk);
        var catchUp = M(r => r.CatchUpEventsPerSecond);
        var load = M(r => r.LoadCasesPerSecond);
        Console.WriteLine();
        Console.WriteLine("| per case | median bytes | rounds |");
        Console.WriteLine("|---|---:|---|");
        Row("live heap, open case (6 events, clock running)", open, rounds.Select(r => r.OpenHeap));
        Row("live heap, closed case (8 events)", closed, rounds.Select(r => r.ClosedHeap));
        Row("read-model file, open case", openDisk, rounds.Select(r => r.OpenDisk));
        Row("read-model file, closed case", closedDisk, rounds.Select(r => r.ClosedDisk));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rates (medians): catch-up from 0 into the read-model file {catchUp:0} events/s; load of the stored board {load:0} cases/s"));

        var openCases = DistrictCases * OpenShare;
        var closedCases = DistrictCases - openCases;
        var heap = (openCases * open) + (closedCases * closed);
        var disk = (openCases * openDisk) + (closedCases * closedDisk);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"On paper, a district after ten years: {DistrictCases:0} cases, {DistrictEvents:0} events ({DistrictEvents / DistrictCases:0} per case), {OpenShare:P0} of cases open at a time; every case stays on the board (queues, statistics, search)."));
        Console.WriteLine();
        Console.WriteLine("| district figure | estimate | from |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| board in memory | {heap / 1073741824.0:0.00} GiB | open × {open:0} B + closed × {closed:0} B |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| read-model file | {disk / 1073741824.0:0.00} GiB | open × {openDisk:0} B + closed × {closedDisk:0} B |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| restart, full replay | {DistrictEvents / catchUp / 60:0.0} min | {DistrictEvents:0} events at {catchUp:0} events/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| restart, from the checkpoint | {DistrictCases / load:0} s | {DistrictCases:0} stored cases at {load:0} cases/s, plus the tail |"));
        Console.WriteLine();
        Console.WriteLine("Linear scaling is assumed: a board ten times larger per case count costs the same per case (larger dictionaries and GC pauses make it somewhat worse); a district's cases have more events and data than these histories.");
        return 0;
    }

    private static async Task<Round> RoundAsync(string folder, int cases)
    {
        await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = Path.Combine(folder, "affairs.db"), Durability = SqliteDurability.Normal });
        var file = SqliteReadModelStore.BesideEventStore(store.FilePath);
        long openHeap, closedHeap, openDisk, closedDisk;
        double catchUp;
        await using (var services = CaseHistories.Services(store, new SqliteReadModelStore(file)))
        {
            await services.GetRequiredService<AffairsStartup>().InitializeAsync();
            var codec = services.GetRequiredService<EventCodec>();
            var projections = services.GetRequiredService<ProjectionEngine>();

            // A few cases of each kind first, so what is measured is the cases and not the code's first run.
            await CaseHistories.WriteAsync(store, codec, "w", WarmUp, c => c % 2 == 0);
            await projections.CatchUpAsync();
            var diskBefore = Size(file);
            var before = Live();

            // Open cases first, measured, then closed ones on the same board.
            var (openEvents, _) = await CaseHistories.WriteAsync(store, codec, "o", cases, _ => true);
            var clock = Stopwatch.StartNew();
            await projections.CatchUpAsync();
            var took = clock.Elapsed;
            var afterOpen = Live();
            var diskOpen = Size(file);
            var (closedEvents, _) = await CaseHistories.WriteAsync(store, codec, "c", cases, _ => false);
            clock.Restart();
            await projections.CatchUpAsync();
            took += clock.Elapsed;
            var afterClosed = Live();
            catchUp = (openEvents + closedEvents) / took.TotalSeconds;
            openHeap = (afterOpen - before) / cases;
            closedHeap = (afterClosed - afterOpen) / cases;
            openDisk = (diskOpen - diskBefore) / cases;
            closedDisk = (Size(file) - diskOpen) / cases;
            GC.KeepAlive(projections);
        }

        // A restart's load of the stored board alone: no event is left to apply.
        await using (var services = CaseHistories.Services(store, new SqliteReadModelStore(file)))
        {
            var projections = services.GetRequiredService<ProjectionEngine>();
            var clock = Stopwatch.StartNew();
            await projections.CatchUpAsync();
            var loaded = ((2.0 * cases) + WarmUp) / clock.Elapsed.TotalSeconds;
            return new Round(openHeap, closedHeap, openDisk, closedDisk, catchUp, loaded);
        }
    }

    private static long Live()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The read-model file's size once its write-ahead log is folded into it.</summary>
    private static long Size(string file)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        return new FileInfo(file).Length;
    }

    private static void Row(string name, double median, IEnumerable<double> rounds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {median:0} | {string.Join(" ", rounds.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |"));

    private readonly record struct Round(double OpenHeap, double ClosedHeap, double OpenDisk, double ClosedDisk, double CatchUpEventsPerSecond, double LoadCasesPerSecond);
}
