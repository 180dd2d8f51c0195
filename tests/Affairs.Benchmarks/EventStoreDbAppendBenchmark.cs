using System.Diagnostics;
using System.Globalization;
using System.Text;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb;

namespace Affairs.Benchmarks;

/// <summary>
/// The EventStoreDB adapter's append rate on the node named by <c>AFFAIRS_TEST_ESDB</c>, one event per append, for each
/// caller count, beside a baseline in the same run: the same appends expecting <c>any</c>, which the adapter turns into a
/// read of the stream's tail and an exact append, so the ratio shows what that extra round trip costs.
/// Suite <c>append-esdb</c>; without the variable it says so and measures nothing.
/// </summary>
internal static class EventStoreDbAppendBenchmark
{
    private const string Variable = "AFFAIRS_TEST_ESDB";

    private static readonly byte[] Data = Encoding.UTF8.GetBytes(
        """{"caseId":"c7f3a2b1-0000-4000-8000-000000000001","trigger":"accept","from":"applied","to":"accepted","actorId":"s-07","actingRole":"A","postId":"dibao","decisionTime":"2026-03-02T09:30:00+08:00","definitionVersion":3}""");

    private static readonly byte[] Meta = Encoding.UTF8.GetBytes("""{"correlationId":"0f8e","actor":"s-07"}""");

    public static async Task RunAsync(BenchmarkArguments arguments)
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
        {
            Console.WriteLine($"append-esdb: {Variable} is not set (e.g. esdb://127.0.0.1:2113?tls=false); nothing measured.");
            return;
        }

        using var store = EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = url });
        Console.WriteLine($"append-esdb on {store.Address}: {arguments.Rounds} rounds of {arguments.Duration.TotalSeconds:0.#} s per row");
        Console.WriteLine("| appends | callers | median events/s | × baseline | rounds |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var callers in arguments.Callers)
        {
            var baseline = await MeasureAsync(store, callers, exact: false, arguments);
            var exact = await MeasureAsync(store, callers, exact: true, arguments);
            Print("any (baseline: tail read + exact append)", callers, baseline, baseline.Median);
            Print("exact revision (one append call)", callers, exact, baseline.Median);
        }
    }

    private static void Print(string name, int callers, (double Median, double[] Rounds) rates, double baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {callers} | {rates.Median:0} | {rates.Median / baseline:0.00} | {string.Join(" ", rates.Rounds.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |"));

    private static async Task<(double Median, double[] Rounds)> MeasureAsync(
        EventStoreDbEventStore store, int callers, bool exact, BenchmarkArguments arguments)
    {
        await RateAsync(store, callers, exact, TimeSpan.FromSeconds(0.5));
        var rounds = new double[arguments.Rounds];
        for (var i = 0; i < rounds.Length; i++)
        {
            rounds[i] = await RateAsync(store, callers, exact, arguments.Duration);
        }

        var sorted = rounds.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return (median, rounds);
    }

    /// <summary>Each caller writes case-like streams of six events, each append one event.</summary>
    private static async Task<double> RateAsync(EventStoreDbEventStore store, int callers, bool exact, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            long written = 0;
            while (clock.Elapsed < duration)
            {
                var stream = StreamName.For("bench", Guid.NewGuid().ToString("N"));
                var next = ExpectedRevision.NoStream;
                for (var revision = 0; revision < 6; revision++)
                {
                    var @event = new EventToAppend(Guid.NewGuid(), "case.transitioned.v1", Data, Meta);
                    var result = await store.AppendAsync(stream, exact ? next : ExpectedRevision.Any, [@event]).ConfigureAwait(false);
                    next = ExpectedRevision.Exact(result.NextExpectedRevision);
                    written++;
                }
            }

            return written;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
