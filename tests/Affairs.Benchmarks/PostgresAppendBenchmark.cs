using System.Globalization;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Stores.Postgres;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Affairs.Benchmarks;

/// <summary>
/// Our PostgreSQL store against Marten's event store, side by side in the same run on the same server (so at the same
/// durability: the server's fsync and synchronous_commit), one event per append, rounds alternating between the stores. Marten runs in its default append mode and in its
/// Quick mode. Each round runs the stores one after the other, so the ratio of a round's pair is less exposed to a
/// noisy machine than the ratio of medians; both are printed.
/// </summary>
internal static class PostgresAppendBenchmark
{
    private const string OurSchema = "bench_affairs";
    private const string MartenSchema = "bench_marten";
    private const string MartenQuickSchema = "bench_marten_quick";

    private static readonly MartenTransition MartenEvent =
        JsonSerializer.Deserialize<MartenTransition>(AppendBenchmark.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var connectionString = Environment.GetEnvironmentVariable("AFFAIRS_BENCH_POSTGRES") is { Length: > 0 } bench
            ? bench
            : Environment.GetEnvironmentVariable("AFFAIRS_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("Set AFFAIRS_BENCH_POSTGRES (or AFFAIRS_TEST_POSTGRES) to a connection string; `eval \"$(bash scripts/services.sh start)\"` starts a server.");
            return 2;
        }

        await DropSchemasAsync(connectionString);
        Console.WriteLine($"postgres append benchmark: {arguments.Rounds} rounds of {arguments.Duration.TotalSeconds:0.#} s per store and caller count, {Environment.ProcessorCount} cores");
        Console.WriteLine($"server: {await ServerSettingsAsync(connectionString)}");
        using var marten = await MartenAsync(connectionString, MartenSchema, quick: false);
        using var quick = await MartenAsync(connectionString, MartenQuickSchema, quick: true);
        Console.WriteLine($"Marten {typeof(DocumentStore).Assembly.GetName().Version}: its default append mode ({marten.Options.Events.AppendMode}), and {quick.Options.Events.AppendMode} as a second row");
        try
        {
            var rows = new List<(int Callers, double[] Ours, double[] Marten, double[] Quick, double Factor)>();
            foreach (var callers in arguments.Callers)
            {
                var ours = new double[arguments.Rounds];
                var rich = new double[arguments.Rounds];
                var fast = new double[arguments.Rounds];
                var factor = 0.0;
                for (var round = 0; round < arguments.Rounds; round++)
                {
                    (ours[round], factor) = await OurRoundAsync(connectionString, callers, arguments.Duration);
                    rich[round] = await MartenRoundAsync(marten, callers, arguments.Duration);
                    fast[round] = await MartenRoundAsync(quick, callers, arguments.Duration);
                }

                rows.Add((callers, ours, rich, fast, factor));
            }

            Print(rows);
        }
        finally
        {
            await DropSchemasAsync(connectionString);
        }

        return 0;
    }

    private static async Task<DocumentStore> MartenAsync(string connectionString, string schema, bool quick)
    {
        var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = schema;
            options.Events.StreamIdentity = StreamIdentity.AsString;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            if (quick)
            {
                options.Events.AppendMode = EventAppendMode.Quick;
            }
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }

    private static async Task<(double Rate, double AppendsPerCommit)> OurRoundAsync(string connectionString, int callers, TimeSpan duration)
    {
        await using var store = new PostgresEventStore(new PostgresEventStoreOptions { ConnectionString = connectionString, Schema = OurSchema });
        Func<string, int, Task> append = (stream, step) => store.AppendAsync(
            StreamName.For("case", stream),
            step == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(step - 1),
            [new EventToAppend(Guid.NewGuid(), "case.transitioned.v1", AppendBenchmark.Payload, AppendBenchmark.Metadata)]);
        await AppendLoad.RunAsync(callers, TimeSpan.FromSeconds(0.5), append);
        var (commits, appends) = store.GroupCommitCounters;
        var rate = await AppendLoad.RunAsync(callers, duration, append);
        var (commitsAfter, appendsAfter) = store.GroupCommitCounters;
        return (rate, (appendsAfter - appends) / (double)Math.Max(1, commitsAfter - commits));
    }

    /// <summary>Marten's own way: a lightweight session per append, StartStream then Append at the expected version.</summary>
    private static async Task<double> MartenRoundAsync(IDocumentStore store, int callers, TimeSpan duration)
    {
        Func<string, int, Task> append = async (stream, step) =>
        {
            await using var session = store.LightweightSession();
            if (step == 0)
            {
                session.Events.StartStream("case-" + stream, MartenEvent);
            }
            else
            {
                session.Events.Append("case-" + stream, step + 1, MartenEvent);
            }

            await session.SaveChangesAsync();
        };
        await AppendLoad.RunAsync(callers, TimeSpan.FromSeconds(0.5), append);
        return await AppendLoad.RunAsync(callers, duration, append);
    }

    private static void Print(List<(int Callers, double[] Ours, double[] Marten, double[] Quick, double Factor)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| callers | store | median events/s | ours / this (medians) | ours / this (median of paired rounds) | rounds |");
        Console.WriteLine("|---:|---|---:|---:|---:|---|");
        foreach (var (callers, ours, marten, quick, factor) in rows)
        {
            var o = AppendBenchmark.Median(ours);
            foreach (var (name, rates) in new[] { ($"ours ({factor:0.0} appends per commit)", ours), ("Marten, default mode", marten), ("Marten, Quick mode", quick) })
            {
                var m = AppendBenchmark.Median(rates);
                var paired = AppendBenchmark.Median(ours.Zip(rates, (a, b) => a / b).ToArray());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {callers} | {name} | {m:0} | {o / m:0.00}× | {paired:0.00}× | {Join(rates)} |"));
            }
        }
    }

    private static string Join(double[] rates) => string.Join(" ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)));

    private static async Task<string> ServerSettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')",
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task DropSchemasAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {OurSchema} CASCADE; DROP SCHEMA IF EXISTS {MartenSchema} CASCADE; DROP SCHEMA IF EXISTS {MartenQuickSchema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
