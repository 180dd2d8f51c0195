using System.Diagnostics;
using System.Globalization;
using Affairs.Stores.Sqlite;

namespace Affairs.Benchmarks;

/// <summary>
/// End-to-end command throughput in-process: the real engine registration on the SQLite store at durability FULL, N
/// concurrent clients (32 by default) each taking dibao cases through <see cref="DibaoCase"/>. Every round first
/// measures the raw store's append rate at the same concurrency and durability (the <c>append</c> suite's store round),
/// then the engine on a fresh file, so each round gives a paired ratio: how much of the store's rate survives the engine
/// above it. Targets: 5,000 commands/s and a third of the raw append rate.
/// </summary>
internal static class CommandsBenchmark
{
    private const double TargetRate = 5000;
    private const double TargetRatio = 1.0 / 3;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var missed = false;
        foreach (var callers in arguments.CallersOr(32))
        {
            missed |= !await RunAsync(arguments, callers);
        }

        return missed ? 1 : 0;
    }

    private static async Task<bool> RunAsync(BenchmarkArguments arguments, int callers)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"commands benchmark: {callers} clients, durability FULL, {arguments.Rounds} rounds of {arguments.Duration.TotalSeconds:0.#} s, {DibaoCase.Commands} commands per dibao case, {Environment.ProcessorCount} cores"));
        var store = new double[arguments.Rounds];
        var engine = new double[arguments.Rounds];
        var ratios = new double[arguments.Rounds];
        var cpu = new double[arguments.Rounds];
        var storeCpu = new double[arguments.Rounds];
        var allocated = new double[arguments.Rounds];
        // One unreported engine round first, so that the first reported one does not carry the JIT's work.
        await AppendBenchmark.InFreshFolder(folder => EngineRound(folder, TimeSpan.FromSeconds(1), callers));
        Console.WriteLine();
        Console.WriteLine("| round | raw store appends/s | engine commands/s | engine / store | store CPU µs/append | engine CPU µs/command | CPU engine / store | engine KiB allocated/command |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < arguments.Rounds; i++)
        {
            store[i] = await AppendBenchmark.InFreshFolder(folder => AppendBenchmark.StoreRound(folder, arguments.Duration, SqliteDurability.Full, callers));
            storeCpu[i] = AppendBenchmark.LastCpuPerAppend;
            engine[i] = await AppendBenchmark.InFreshFolder(folder => EngineRound(folder, arguments.Duration, callers));
            ratios[i] = engine[i] / store[i];
            cpu[i] = LastCpuPerCommand;
            allocated[i] = LastAllocatedPerCommand / 1024;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {store[i]:0} | {engine[i]:0} | {ratios[i]:0.00} | {storeCpu[i]:0.0} | {cpu[i]:0} | {cpu[i] / storeCpu[i]:0.0} | {allocated[i]:0.0} |"));
        }

        var rate = AppendBenchmark.Median(engine);
        var ratio = AppendBenchmark.Median(ratios);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median | {AppendBenchmark.Median(store):0} | {rate:0} | {ratio:0.00} | {AppendBenchmark.Median(storeCpu):0.0} | {AppendBenchmark.Median(cpu):0} | {AppendBenchmark.Median([.. cpu.Zip(storeCpu, (e, r) => e / r)]):0.0} | {AppendBenchmark.Median(allocated):0.0} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine: {rate:0} commands/s ({rate / DibaoCase.Commands:0} cases/s), target {TargetRate:0}: {Verdict(rate >= TargetRate)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine / raw store (median of paired rounds): {ratio:0.00}, target {TargetRatio:0.00}: {Verdict(ratio >= TargetRatio)}"));
        Console.WriteLine();
        return rate >= TargetRate && ratio >= TargetRatio;
    }

    /// <summary>
    /// One engine round as this suite measures it (a fresh file, half a second of warm-up, then
    /// <paramref name="duration"/>): commands per second and this process's CPU per command in µs. The HTTP load tool
    /// runs it beside each of its rounds, so the host's CPU per request is compared with the engine's in one run.
    /// </summary>
    internal static async Task<(double Rate, double CpuPerCommand)> MeasureEngineAsync(TimeSpan duration, int callers)
    {
        var rate = await AppendBenchmark.InFreshFolder(folder => EngineRound(folder, duration, callers));
        return (rate, LastCpuPerCommand);
    }

    /// <summary>Process CPU time per command in the last measured run, in µs: what the engine costs, whatever the neighbours do.</summary>
    private static double LastCpuPerCommand { get; set; }

    /// <summary>Bytes allocated per command in the last measured run.</summary>
    private static double LastAllocatedPerCommand { get; set; }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static async Task<double> EngineRound(string folder, TimeSpan duration, int callers)
    {
        await using var centre = await BenchCentre.OpenAsync(Path.Combine(folder, "engine.db"), SqliteDurability.Full);
        await RunClients(centre, callers, TimeSpan.FromSeconds(0.5));
        return await RunClients(centre, callers, duration);
    }

    /// <summary>Runs <paramref name="callers"/> clients taking cases one after another; returns commands per second.</summary>
    private static async Task<double> RunClients(BenchCentre centre, int callers, TimeSpan duration)
    {
        long commands = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var count = 0L;
            while (clock.Elapsed < duration)
            {
                count += await DibaoCase.RunAsync(centre, () => clock.Elapsed < duration);
            }

            Interlocked.Add(ref commands, count);
        })));
        var elapsed = clock.Elapsed;
        LastCpuPerCommand = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / commands;
        LastAllocatedPerCommand = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)commands;
        return commands / elapsed.TotalSeconds;
    }
}
