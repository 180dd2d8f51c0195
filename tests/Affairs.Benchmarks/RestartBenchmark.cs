using System.Diagnostics;
using System.Globalization;
using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Benchmarks;

/// <summary>
/// Time to ready of a restarted engine over a SQLite log of a million events (<c>--events</c>), one in ten cases still
/// open: before, a start replays the whole log into an empty read-model file (as with no stored board, or one of an
/// older format); after, it loads the board stored with its checkpoint and applies only the events written since (a
/// tail of <see cref="Tail"/> events). A start is what the host does, in process: open the store, build the engine's
/// services as the host registers them (the read models in their own SQLite file beside the log), initialise, run the
/// projection as its hosted service runs it, and wait until the board has the log's last event and answers a query
/// (the open cases with a running clock). Medians of <c>--rounds</c> starts each, in the same run, with the process's
/// CPU time over each start.
/// </summary>
internal static class RestartBenchmark
{
    private const int DefaultEvents = 1_000_000;
    private const int Tail = 1_000;
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(30);

    public static Task<int> RunAsync(BenchmarkArguments arguments) => AppendBenchmark.InFreshFolder(async folder =>
    {
        var log = Path.Combine(folder, "affairs.db");
        var wanted = arguments.Events ?? DefaultEvents;
        var cases = (int)(wanted / ((0.9 * CaseHistories.ClosedEvents) + (0.1 * CaseHistories.OpenEvents)));
        var writing = Stopwatch.StartNew();
        long events;
        long head;
        await using (var store = Open(log))
        {
            await using var services = CaseHistories.Services(store);
            await services.GetRequiredService<AffairsStartup>().InitializeAsync();
            (events, head) = await CaseHistories.WriteAsync(store, services.GetRequiredService<EventCodec>(), "r", cases, c => c % 10 == 0);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"restart benchmark: {events} events ({cases} cases, one in ten open) written in {writing.Elapsed.TotalSeconds:0.0} s; {arguments.Rounds} starts of each kind, {Environment.ProcessorCount} cores"));

        // The board every resume starts from: one full replay stored beside the log, as the first start leaves it.
        var stored = SqliteReadModelStore.BesideEventStore(log);
        await StartAsync(log, new SqliteReadModelStore(stored), head);
        var replay = new List<Start>();
        var memory = new List<Start>();
        var resume = new List<Start>();
        var tails = 0;
        for (var i = 0; i < arguments.Rounds; i++)
        {
            var empty = Path.Combine(folder, $"empty-{i}.readmodels.db");
            replay.Add(await StartAsync(log, new SqliteReadModelStore(empty), head));
            File.Delete(empty);
            memory.Add(await StartAsync(log, null, head));

            // New events since the stored checkpoint: the host was stopped, then the centre went on working.
            await using (var store = Open(log))
            {
                await using var services = CaseHistories.Services(store);
                (var written, head) = await CaseHistories.WriteAsync(store, services.GetRequiredService<EventCodec>(), $"t{i}-", Tail / CaseHistories.ClosedEvents, _ => false);
                tails += (int)written;
            }

            resume.Add(await StartAsync(log, new SqliteReadModelStore(stored), head));
        }

        var boardBytes = new FileInfo(stored).Length;
        Console.WriteLine();
        Console.WriteLine("| start | median time to ready s | median CPU s | log positions applied | × full replay | rounds (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        var full = Median(replay, s => s.Seconds);
        Row("full replay from 0 into an empty read-model file (before; baseline)", replay, full);
        Row("full replay from 0, board kept nowhere (Store:ReadModels:Kind=Memory)", memory, full);
        Row($"resume from the stored checkpoint, tail of ~{Tail} events (after)", resume, full);
        var after = Median(resume, s => s.Seconds);
        var cpuRatio = Median(replay, s => s.CpuSeconds) / Median(resume, s => s.CpuSeconds);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full replay {full:0.00} s ({events / full:0} events/s), resume {after:0.00} s: {full / after:0.0}× faster ({cpuRatio:0.0}× less CPU); stored board {boardBytes / 1048576.0:0.0} MiB ({(double)boardBytes / cases:0} bytes per case); {tails} tail events written over the run"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine load average when done: {LoadAverage()} (where the CPU time is far below the wall time, the cores were busy with other work)"));
        return 0;
    });

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static SqliteEventStore Open(string path) =>
        SqliteEventStore.Open(new SqliteEventStoreOptions { Path = path, Durability = SqliteDurability.Normal });

    /// <summary>One start, timed from opening the store until the board has <paramref name="head"/> and answers a query.</summary>
    private static async Task<Start> StartAsync(string log, IReadModelStore? readModels, long head)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await using var store = Open(log);
        await using var services = CaseHistories.Services(store, readModels);
        await services.GetRequiredService<AffairsStartup>().InitializeAsync();
        var projections = services.GetRequiredService<ProjectionEngine>();
        using var stop = new CancellationTokenSource();
        var running = projections.RunAsync(stop.Token);
        if (!await projections.WaitForAsync(head, ReadyWithin))
        {
            throw new InvalidOperationException($"the board did not reach position {head} within {ReadyWithin}");
        }

        var open = await projections.ReadAsync(board => board.Open.Count(c => !c.State.Clocks.IsEmpty));
        var seconds = clock.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var applied = projections.Checkpoint - projections.LoadedCheckpoint;
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as the host stops it.
        }

        return open > 0 ? new Start(seconds, used, applied) : throw new InvalidOperationException("the board answered no open case");
    }

    private static void Row(string name, List<Start> starts, double baseline)
    {
        var median = Median(starts, s => s.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {median:0.00} | {Median(starts, s => s.CpuSeconds):0.00} | {Median(starts, s => s.Applied):0} | {median / baseline:0.000} | {string.Join(" ", starts.Select(s => s.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))} |"));
    }

    private static double Median(List<Start> starts, Func<Start, double> measure) => AppendBenchmark.Median([.. starts.Select(measure)]);

    private readonly record struct Start(double Seconds, double CpuSeconds, double Applied);
}
