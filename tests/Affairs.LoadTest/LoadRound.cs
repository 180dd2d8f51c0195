using System.Globalization;
using Affairs.Benchmarks;

namespace Affairs.LoadTest;

/// <summary>
/// One round's figures: the in-process engine's (the commands suite's round: commands/s and CPU per command in this
/// process) and the host's over HTTP (trigger rate and p99, all requests/s, the host process's CPU per request).
/// </summary>
internal sealed record LoadRound(double EngineRate, double EngineCpuPerCommand, double TriggerRate, double TriggerP99, double RequestRate, double HostCpuPerRequest)
{
    private const double TargetTriggerRate = 2000;
    private const double TargetTriggerP99 = 50;
    private const double TargetCpuRatio = 2;

    public double CpuRatio => HostCpuPerRequest / EngineCpuPerCommand;

    /// <summary>Prints every round and their medians with the verdicts; returns the exit code (0 when every target is met).</summary>
    public static int Report(IReadOnlyList<LoadRound> rounds, bool baseline)
    {
        Console.WriteLine();
        Console.WriteLine("| round | engine commands/s | engine CPU µs/command | HTTP requests/s | triggers/s | trigger p99 ms | host CPU µs/request | host / engine CPU |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < rounds.Count; i++)
        {
            Row((i + 1).ToString(CultureInfo.InvariantCulture), rounds[i]);
        }

        var median = new LoadRound(
            Median(rounds, r => r.EngineRate), Median(rounds, r => r.EngineCpuPerCommand), Median(rounds, r => r.TriggerRate),
            Median(rounds, r => r.TriggerP99), Median(rounds, r => r.RequestRate), Median(rounds, r => r.HostCpuPerRequest));
        var ratio = Median(rounds, r => r.CpuRatio);
        Row("median", median, ratio);
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
        return throughput && cheap ? 0 : 1;
    }

    private static void Row(string name, LoadRound r, double? ratio = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.EngineRate:0} | {r.EngineCpuPerCommand:0} | {r.RequestRate:0} | {r.TriggerRate:0} | {r.TriggerP99:0.0} | {r.HostCpuPerRequest:0} | {ratio ?? r.CpuRatio:0.00} |"));

    private static double Median(IReadOnlyList<LoadRound> rounds, Func<LoadRound, double> figure) =>
        AppendBenchmark.Median([.. rounds.Select(figure)]);

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
