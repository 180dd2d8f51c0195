using System.Diagnostics;
using System.Globalization;
using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Benchmarks;

/// <summary>
/// Replay of a 50-event dibao case: load it from the SQLite store, decode every event and fold it to state, as every
/// command and every auditor's replay does. Beside it, in the same rounds, the raw store read of the same stream, so the
/// codec and fold's share shows. Target: a median of at most 200 µs.
/// </summary>
internal static class ReplayBenchmark
{
    private const int Events = 50;
    private const double TargetMicroseconds = 200;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        return await AppendBenchmark.InFreshFolder(async folder =>
        {
            await using var centre = await BenchCentre.OpenAsync(Path.Combine(folder, "replay.db"), SqliteDurability.Full);
            var caseId = await BuildCaseAsync(centre);
            var streams = centre.Services.GetRequiredService<StreamRepository>();
            var stream = CaseStreams.For(caseId);
            var loaded = await streams.LoadAsync(stream, CaseStreams.Fold);
            if (loaded.Events.Count != Events)
            {
                throw new InvalidOperationException($"the case has {loaded.Events.Count} events, not {Events}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay benchmark: one dibao case of {Events} events, {arguments.Rounds} rounds of {arguments.Duration.TotalSeconds:0.#} s per measurement, {Environment.ProcessorCount} cores"));
            Console.WriteLine();
            Console.WriteLine("| round | raw store read µs | replay (load + decode + fold) µs | replay / read |");
            Console.WriteLine("|---:|---:|---:|---:|");
            var reads = new double[arguments.Rounds];
            var replays = new double[arguments.Rounds];
            var ratios = new double[arguments.Rounds];
            await Time(() => ReadAsync(centre.Store, stream), TimeSpan.FromSeconds(0.5));
            await Time(async () => await streams.LoadAsync(stream, CaseStreams.Fold), TimeSpan.FromSeconds(0.5));
            for (var i = 0; i < arguments.Rounds; i++)
            {
                reads[i] = await Time(() => ReadAsync(centre.Store, stream), arguments.Duration);
                replays[i] = await Time(async () => await streams.LoadAsync(stream, CaseStreams.Fold), arguments.Duration);
                ratios[i] = replays[i] / reads[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {reads[i]:0.0} | {replays[i]:0.0} | {ratios[i]:0.00} |"));
            }

            var median = AppendBenchmark.Median(replays);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median | {AppendBenchmark.Median(reads):0.0} | {median:0.0} | {AppendBenchmark.Median(ratios):0.00} |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay of {Events} events: median {median:0.0} µs, target {TargetMicroseconds:0}: {(median <= TargetMicroseconds ? "met" : "MISSED")}"));
            return median <= TargetMicroseconds ? 0 : 1;
        });
    }

    /// <summary>Times single calls for <paramref name="duration"/>; returns the median call in microseconds.</summary>
    private static async Task<double> Time(Func<Task> call, TimeSpan duration)
    {
        var times = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        return AppendBenchmark.Median([.. times]);
    }

    private static async Task ReadAsync(IEventStore store, StreamName stream)
    {
        await foreach (var _ in store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue))
        {
        }
    }

    /// <summary>
    /// Opens a case and accepts it (7 events), then records investigation work — data checks, home visits, notes and
    /// documents, one event each — until it has <see cref="Events"/> events.
    /// </summary>
    private static async Task<string> BuildCaseAsync(BenchCentre centre)
    {
        var opened = await DibaoCase.OpenAsync(centre);
        var caseId = opened.CaseId;
        var revision = opened.Revision;
        foreach (var step in DibaoCase.Steps(centre, caseId).Take(DibaoCase.StepsToAcceptance))
        {
            revision = (await step(revision)).Revision;
        }

        var send = centre.Mediator;
        var work = new Func<ValueTask<CaseRevision>>[]
        {
            () => send.Send(new FireTrigger(caseId, "record-data-check", null, null, DibaoCase.DataCheck, centre.As(BenchCentre.A))),
            () => send.Send(new FireTrigger(caseId, "record-home-visit", null, null, DibaoCase.HomeVisit, centre.As(BenchCentre.A))),
            () => send.Send(new AddNote(caseId, "telephoned the applicant", null, centre.As(BenchCentre.A))),
            () => send.Send(new AttachMaterial(caseId, "data-check-report", "report.pdf", "application/pdf", 2048, new string('b', 64), null, centre.As(BenchCentre.A))),
        };
        for (var i = 0; ; i++)
        {
            if ((await work[i % work.Length]()).Revision == Events - 1)
            {
                return caseId;
            }
        }
    }
}
