using System.Diagnostics;
using System.Globalization;
using System.Text;
using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Microsoft.Data.Sqlite;

namespace Affairs.Benchmarks;

/// <summary>
/// The embedded store's append rate, one event per append, for 1 and 32 concurrent callers at FULL and NORMAL, beside a
/// baseline in the same run: a naive single insert per transaction at FULL on a one-table schema.
/// </summary>
internal static class AppendBenchmark
{
    internal static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        """{"caseId":"c7f3a2b1-0000-4000-8000-000000000001","trigger":"accept","from":"applied","to":"accepted","actorId":"s-07","actingRole":"A","postId":"dibao","reason":null,"decisionTime":"2026-03-02T09:30:00+08:00","definitionVersion":3,"data":{"householdSize":3,"monthlyIncomePerPerson":520}}""");

    internal static readonly byte[] Metadata = Encoding.UTF8.GetBytes(
        """{"correlationId":"0f8e","causationId":"0f8e","actor":"s-07"}""");

    public static async Task RunAsync(BenchmarkArguments arguments)
    {
        Console.WriteLine($"append benchmark: {arguments.Rounds} rounds of {arguments.Duration.TotalSeconds:0.#} s, event {Payload.Length + Metadata.Length} bytes, {Environment.ProcessorCount} cores");
        var rows = new List<(string Name, double Median, double[] Rounds)>();
        rows.Add(("baseline: naive insert per transaction, FULL, 1 caller", Median(await Rounds(arguments, NaiveRound)), []));
        foreach (var durability in new[] { SqliteDurability.Full, SqliteDurability.Normal })
        {
            foreach (var callers in arguments.Callers)
            {
                var rates = await Rounds(arguments, (folder, duration) => StoreRound(folder, duration, durability, callers));
                rows.Add(($"store, {durability.ToString().ToUpperInvariant()}, {callers} caller(s)", Median(rates), rates));
            }
        }

        var baseline = rows[0].Median;
        Console.WriteLine();
        Console.WriteLine("| configuration | median events/s | × baseline | rounds |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var (name, median, rates) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median:0} | {median / baseline:0.00} | {string.Join(" ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |"));
        }

        var full1 = rows.First(r => r.Name.StartsWith("store, FULL, 1 ", StringComparison.Ordinal)).Median;
        foreach (var row in rows.Where(r => r.Name.StartsWith("store, FULL", StringComparison.Ordinal) && r.Median != full1))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name}: {row.Median / full1:0.0}× the single-caller FULL rate"));
        }
    }

    private static async Task<double[]> Rounds(BenchmarkArguments arguments, Func<string, TimeSpan, Task<double>> round)
    {
        var rates = new double[arguments.Rounds];
        for (var i = 0; i < rates.Length; i++)
        {
            rates[i] = await InFreshFolder(folder => round(folder, arguments.Duration));
        }

        return rates;
    }

    /// <summary>Runs <paramref name="round"/> in a new temporary folder, removed afterwards.</summary>
    internal static async Task<T> InFreshFolder<T>(Func<string, Task<T>> round)
    {
        var folder = Path.Combine(Path.GetTempPath(), "affairs-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return await round(folder);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One measured store round after a short warm-up: events per second, one event per append.</summary>
    internal static async Task<double> StoreRound(string folder, TimeSpan duration, SqliteDurability durability, int callers)
    {
        await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = Path.Combine(folder, "bench.db"), Durability = durability });
        await RunCallers(store, callers, TimeSpan.FromSeconds(0.5));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rate = await RunCallers(store, callers, duration);
        LastCpuPerAppend = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (rate * clock.Elapsed.TotalSeconds);
        return rate;
    }

    /// <summary>Process CPU time per append in the last measured store round, in µs.</summary>
    internal static double LastCpuPerAppend { get; private set; }

    private static Task<double> RunCallers(SqliteEventStore store, int callers, TimeSpan duration) =>
        AppendLoad.RunAsync(callers, duration, (stream, step) => store.AppendAsync(
            StreamName.For("case", stream),
            step == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(step - 1),
            [new EventToAppend(Guid.NewGuid(), "case.transitioned.v1", Payload, Metadata)]));

    private static Task<double> NaiveRound(string folder, TimeSpan duration)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "naive.db")}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT, revision INTEGER, data BLOB, metadata BLOB)";
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events (stream, revision, data, metadata) VALUES ($s, $r, $d, $m)";
        var stream = insert.Parameters.Add("$s", SqliteType.Text);
        var revision = insert.Parameters.Add("$r", SqliteType.Integer);
        insert.Parameters.AddWithValue("$d", Payload);
        insert.Parameters.AddWithValue("$m", Metadata);
        var count = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            stream.Value = "case-" + (count / 6).ToString(CultureInfo.InvariantCulture);
            revision.Value = count % 6;
            insert.ExecuteNonQuery();
            transaction.Commit();
            count++;
        }

        return Task.FromResult(count / clock.Elapsed.TotalSeconds);
    }

    internal static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
