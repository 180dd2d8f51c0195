using System.Collections.Concurrent;
using System.Globalization;

namespace Affairs.LoadTest;

/// <summary>Request latencies and failures by kind of request, for the measured window only.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _times = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public void Record(string kind, double milliseconds) => _times.GetOrAdd(kind, _ => []).Add(milliseconds);

    public void Fail(string kind, string why) => _failures.AddOrUpdate($"{kind}: {why}", 1, (_, n) => n + 1);

    /// <summary>Requests that failed in the measured window.</summary>
    public int Failures => _failures.Values.Sum();

    /// <summary>Prints requests/s, p50 and p99 per kind and for all requests; returns the trigger rate and p99, all requests measured and their p50 and p99.</summary>
    public (double TriggerRate, double TriggerP99, long Requests, double P50, double P99) Print(TimeSpan window)
    {
        Console.WriteLine("| requests | count | per s | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var all = _times.Values.SelectMany(t => t).ToArray();
        (double, double) trigger = (0, 0);
        (double P50, double P99) overall = (0, 0);
        foreach (var (kind, times) in _times.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value.ToArray())).Append(("all", all)))
        {
            Array.Sort(times);
            var rate = times.Length / window.TotalSeconds;
            var p99 = Percentile(times, 0.99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {times.Length} | {rate:0} | {Percentile(times, 0.50):0.0} | {p99:0.0} | {(times.Length > 0 ? times[^1] : 0):0.0} |"));
            if (kind == "trigger")
            {
                trigger = (rate, p99);
            }

            // The last row is all requests together.
            overall = (Percentile(times, 0.50), p99);
        }

        foreach (var (what, count) in _failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failed {count}×  {what}"));
        }

        return (trigger.Item1, trigger.Item2, all.Length, overall.P50, overall.P99);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
