using System.Diagnostics;
using System.Globalization;
using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Households;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Benchmarks;

/// <summary>
/// Where a command's time goes, one client at durability NORMAL (so that no fsync hides the CPU work): the median
/// latency of each step of a dibao case, and of the reads a command makes before it decides.
/// </summary>
internal static class BreakdownBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        return await AppendBenchmark.InFreshFolder(async folder =>
        {
            await using var centre = await BenchCentre.OpenAsync(Path.Combine(folder, "breakdown.db"), SqliteDurability.Normal);
            var names = new[] { "OpenCase" }.Concat(["attach", "attach", "attach", "attach", "accept", "record-data-check", "record-home-visit", "attach", "attach", "complete-investigation", "pass-first-review"]).ToArray();
            var steps = names.Select(_ => new List<double>()).ToArray();
            var stepBytes = new long[names.Length];
            var clock = Stopwatch.StartNew();
            var accepted = string.Empty;
            while (clock.Elapsed < arguments.Duration)
            {
                var before = GC.GetTotalAllocatedBytes(precise: false);
                var started = Stopwatch.GetTimestamp();
                var opened = await DibaoCase.OpenAsync(centre);
                steps[0].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                stepBytes[0] += GC.GetTotalAllocatedBytes(precise: false) - before;
                var revision = opened.Revision;
                var i = 1;
                foreach (var step in DibaoCase.Steps(centre, opened.CaseId))
                {
                    before = GC.GetTotalAllocatedBytes(precise: false);
                    started = Stopwatch.GetTimestamp();
                    revision = (await step(revision)).Revision;
                    steps[i].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    stepBytes[i++] += GC.GetTotalAllocatedBytes(precise: false) - before;
                }

                accepted = opened.CaseId;
            }

            var streams = centre.Services.GetRequiredService<StreamRepository>();
            var directory = centre.Services.GetRequiredService<OrganisationDirectory>();
            var engine = centre.Services.GetRequiredService<CaseEngine>();
            var loaded = await streams.LoadAsync(CaseStreams.For(accepted), CaseStreams.Fold);
            var type = engine.TypeOf(loaded.State);
            var organisation = await engine.OrganisationAsync(CancellationToken.None);
            var investigating = loaded.State with { State = "investigation", Handler = "post:dibao" };
            var now = engine.Now();
            var participant = engine.Participants.Of(BenchCentre.A, investigating, organisation, now);
            var parameters = engine.Parameters(type, now);
            var situation = CaseEngine.Situation(type, investigating);
            var changes = CaseEngine.ReadChanges(type, DibaoCase.DataCheck);
            var request = new Affairs.Workflows.AffairTypes.FireRequest("record-data-check", null, changes);
            var last = loaded.Events[^1];
            var metadata = new Affairs.Domain.Events.EventMetadata("corr", "cmd", "s-a", null);
            using var open = Reader(centre);
            using var prepared = StreamQuery(open);
            var pieces = new (string Name, Func<Task> Call)[]
            {
                ("participants: Of", () => { engine.Participants.Of(BenchCentre.A, investigating, organisation, now); return Task.CompletedTask; }),
                ("parameters", () => { engine.Parameters(type, now); return Task.CompletedTask; }),
                ("situation", () => { CaseEngine.Situation(type, investigating); return Task.CompletedTask; }),
                ("read changes", () => { CaseEngine.ReadChanges(type, DibaoCase.DataCheck); return Task.CompletedTask; }),
                ("create machine", () => { type.CreateMachine(situation, participant.CaseActor, parameters, now, request); return Task.CompletedTask; }),
                ("create machine + answer + fire", () => { var m = type.CreateMachine(situation, participant.CaseActor, parameters, now, request); m.Answer("record-data-check"); m.Fire("record-data-check"); return Task.CompletedTask; }),
                ("codec: encode last event", () => { streams.Codec.Encode(Guid.Empty, last.Event, metadata, last.Hash); return Task.CompletedTask; }),
                ("codec: decode last event", () => { streams.Codec.Decode(last.Recorded); return Task.CompletedTask; }),
                ("organisation: CurrentAsync", () => directory.CurrentAsync()),
                ("household: LoadAsync", () => streams.LoadAsync(HouseholdStreams.For(centre.HouseholdId), HouseholdStreams.Fold)),
                ($"case of {loaded.Events.Count} events: raw store read", async () => { await foreach (var _ in centre.Store.ReadStreamAsync(CaseStreams.For(accepted), ReadDirection.Forwards, 0, long.MaxValue)) { } }),
                ($"case of {loaded.Events.Count} events: LoadAsync", () => streams.LoadAsync(CaseStreams.For(accepted), CaseStreams.Fold)),
                ("sqlite: open + close a pooled reader", () => { using var c = Reader(centre); return Task.CompletedTask; }),
                ("sqlite: open, prepare, run the stream query, close", () => { using var c = Reader(centre); using var q = StreamQuery(c); Run(q); return Task.CompletedTask; }),
                ("sqlite: run the stream query prepared on an open connection", () => { Run(prepared); return Task.CompletedTask; }),
                ("store: append one event to a new stream", () => centre.Store.AppendAsync(StreamName.For("bench", Guid.NewGuid().ToString("N")), ExpectedRevision.NoStream, [new EventToAppend(Guid.NewGuid(), "case.transitioned.v1", AppendBenchmark.Payload, AppendBenchmark.Metadata)])),
                ("handlers: HandlersAsync", () => engine.HandlersAsync(type, "household", centre.HouseholdId, CancellationToken.None)),
            };
            Console.WriteLine("| step (1 client, NORMAL) | median µs | calls | bytes allocated per call |");
            Console.WriteLine("|---|---:|---:|---:|");
            for (var i = 0; i < names.Length; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i}: {names[i]} | {AppendBenchmark.Median([.. steps[i]]):0.0} | {steps[i].Count} | {stepBytes[i] / steps[i].Count} |"));
            }

            foreach (var (name, call) in pieces)
            {
                var times = new List<double>();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                for (var n = 0; n < 2000; n++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await call();
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }

                var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / times.Count;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {AppendBenchmark.Median([.. times]):0.0} | {times.Count} | {bytes} |"));
            }

            return 0;
        });
    }

    private static Microsoft.Data.Sqlite.SqliteConnection Reader(BenchCentre centre)
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={centre.Store.FilePath};Mode=ReadOnly;Pooling=True");
        connection.Open();
        return connection;
    }

    private static Microsoft.Data.Sqlite.SqliteCommand StreamQuery(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT e.position, e.revision, e.event_id, e.type, e.data, e.metadata, e.recorded, s.name FROM events e JOIN streams s ON s.id = e.stream_id WHERE s.name = $name AND e.revision >= $from ORDER BY e.revision LIMIT $limit";
        command.Parameters.AddWithValue("$name", "organisation-main");
        command.Parameters.AddWithValue("$from", 1000);
        command.Parameters.AddWithValue("$limit", 100);
        return command;
    }

    private static void Run(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }
}
