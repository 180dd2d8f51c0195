using System.Globalization;
using Affairs.Benchmarks;

namespace Affairs.LoadTest;

/// <summary>
/// One round's figures: the in-process engine's (the commands suite's round: commands/s and CPU per command in this
/// process), the host's over HTTP (trigger rate and p99, all requests/s, the host process's CPU per request) and, with
/// <c>--floor</c>, the floor server's CPU per request in the same round (NaN without it).
/// </summary>
internal sealed record LoadRound(double EngineRate, double EngineCpuPerCommand, double TriggerRate, double TriggerP99, double RequestRate, double HostCpuPerRequest, double FloorCpuPerRequest)
{
    private const double TargetTriggerRate = 2000;
    private const double TargetTriggerP99 = 50;
    private const double TargetCpuRatio = 2;

    public double CpuRatio => HostCpuPerRequest / EngineCpuPerCommand;

    public double FloorRatio => FloorCpuPerRequest / EngineCpuPerCommand;

    /// <summary>Prints every round and their medians with the verdicts; returns the exit code (0 when every target is met).</summary>
    public static int Report(IReadOnlyList<LoadRound> rounds, bool baseline, string floorMode)
    {
        Console.WriteLine();
        var floor = rounds.All(r => !double.IsNaN(r.FloorCpuPerRequest));
        Console.WriteLine("| round | engine commands/s | engine CPU µs/command | HTTP requests/s | triggers/s | trigger p99 ms | host CPU µs/request | host / engine CPU |"
            + (floor ? " floor CPU µs/request | floor / engine CPU |" : string.Empty));
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|" + (floor ? "---:|---:|" : string.Empty));
        for (var i = 0; i < rounds.Count; i++)
        {
            Row((i + 1).ToString(CultureInfo.InvariantCulture), rounds[i], floor);
        }

        var median = new LoadRound(
            Median(rounds, r => r.EngineRate), Median(rounds, r => r.EngineCpuPerCommand), Median(rounds, r => r.TriggerRate),
            Median(rounds, r => r.TriggerP99), Median(rounds, r => r.RequestRate), Median(rounds, r => r.HostCpuPerRequest),
            floor ? Median(rounds, r => r.FloorCpuPerRequest) : double.NaN);
        var ratio = Median(rounds, r => r.CpuRatio);
        var floorRatio = floor ? Median(rounds, r => r.FloorRatio) : double.NaN;
        Row("median", median, floor, ratio, floorRatio);
        Console.WriteLine();
        var throughput = median.TriggerRate >= TargetTriggerRate && median.TriggerP99 < TargetTriggerP99;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"triggers: {median.TriggerRate:0} requests/s, p99 {median.TriggerP99:0.0} ms; target {TargetTriggerRate:0}/s with p99 < {TargetTriggerP99:0} ms: {Verdict(throughput)}"));
        if (!baseline)
        {
            return throughput ? 0 : 1;
        }

        var cheap = ratio <= TargetCpuRatio;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host CPU per request {median.HostCpuPerRequest:0} µs against the engine's {median.EngineCpuPerCommand:0} µs per in-process command (median of paired rounds {ratio:0.00}×); target within {TargetCpuRatio:0}×: {Verdict(cheap)}"));
        if (floor)
        {
            // The host serves each request over HTTP and runs the engine's command: the floor plus the engine is what
            // a host doing nothing else would cost, and what the target leaves beside it is all the host may add.
            var beyond = Median(rounds, r => (r.HostCpuPerRequest - r.FloorCpuPerRequest - r.EngineCpuPerCommand) / r.EngineCpuPerCommand);
            var leaves = Median(rounds, r => TargetCpuRatio - 1 - r.FloorRatio);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"floor server ({(floorMode == "paced" ? "paced to the host's request rate" : "as fast as it answers")}) {median.FloorCpuPerRequest:0} µs per request ({floorRatio:0.00}× the engine's command): the host adds {beyond:0.00}× the engine beyond the floor and the command; the target leaves {leaves:0.00}× for it"));
        }
        return throughput && cheap ? 0 : 1;
    }

    private static void Row(string name, LoadRound r, bool floor, double? ratio = null, double? floorRatio = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.EngineRate:0} | {r.EngineCpuPerCommand:0} | {r.RequestRate:0} | {r.TriggerRate:0} | {r.TriggerP99:0.0} | {r.HostCpuPerRequest:0} | {ratio ?? r.CpuRatio:0.00} |")
            + (floor ? string.Create(CultureInfo.InvariantCulture, $" {r.FloorCpuPerRequest:0} | {floorRatio ?? r.FloorRatio:0.00} |") : string.Empty));

    private static double Median(IReadOnlyList<LoadRound> rounds, Func<LoadRound, double> figure) =>
        AppendBenchmark.Median([.. rounds.Select(figure)]);

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
