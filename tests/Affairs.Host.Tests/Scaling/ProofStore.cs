using System.Diagnostics;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb;
using Affairs.Stores.Postgres;
using Npgsql;

namespace Affairs.Host.Tests.Scaling;

/// <summary>
/// The store several host processes share in a proof run: the configuration each host is started with, a reader the
/// test checks the log through afterwards, and the fault to inject into the store itself midway, if any.
/// </summary>
internal abstract class ProofStore : IAsyncDisposable
{
    /// <summary>Configuration arguments that point a host at this store.</summary>
    public abstract IReadOnlyList<string> HostConfiguration { get; }

    /// <summary>The test's own connection to the store, to read the log the hosts wrote.</summary>
    public abstract IEventStore Reader { get; }

    public abstract ValueTask DisposeAsync();
}

/// <summary>A schema of its own on the server in <c>AFFAIRS_TEST_POSTGRES</c>, dropped afterwards.</summary>
internal sealed class PostgresProofStore : ProofStore
{
    public const string Variable = "AFFAIRS_TEST_POSTGRES";

    // The server's 100 connections are shared by every host; each host's pool is kept well below a third of them.
    private const string PerHostPool = ";Maximum Pool Size=20";
    private readonly string _connection = Environment.GetEnvironmentVariable(Variable)!;
    private readonly string _schema = "proof_" + Guid.NewGuid().ToString("N")[..16];
    private readonly PostgresEventStore _reader;

    public PostgresProofStore()
    {
        _reader = new PostgresEventStore(new PostgresEventStoreOptions { ConnectionString = _connection, Schema = _schema });
        HostConfiguration = ["--Store=Postgres", $"--Store:Postgres:ConnectionString={_connection}{PerHostPool}", $"--Store:Postgres:Schema={_schema}"];
    }

    public override IReadOnlyList<string> HostConfiguration { get; }

    public override IEventStore Reader => _reader;

    public override async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The three-node cluster in <c>AFFAIRS_TEST_ESDB_CLUSTER</c> (<c>esdb+discover://…</c>), started with the workplace's
/// <c>esdb.sh start DIR --nodes 3</c>, whose folder is in <c>AFFAIRS_TEST_ESDB_CLUSTER_DIR</c>: the leader is found by
/// gossip and killed with <c>esdb.sh kill-node</c>. The cluster is not emptied afterwards; the run's ids are its own.
/// </summary>
internal sealed class EsdbClusterProofStore : ProofStore
{
    public const string Variable = "AFFAIRS_TEST_ESDB_CLUSTER";
    public const string FolderVariable = "AFFAIRS_TEST_ESDB_CLUSTER_DIR";
    private const int NodePortStep = 10;
    private readonly string _connection = Environment.GetEnvironmentVariable(Variable)!;
    private readonly EventStoreDbEventStore _reader;

    public EsdbClusterProofStore()
    {
        _reader = EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = _connection });
        HostConfiguration = ["--Store=EventStoreDb", $"--Store:EventStoreDb:ConnectionString={_connection}"];
    }

    public override IReadOnlyList<string> HostConfiguration { get; }

    public override IEventStore Reader => _reader;

    /// <summary>SIGKILLs the node gossip names leader; returns its number (1-based) for <see cref="RestartNodeAsync"/>.</summary>
    public async Task<int> KillLeaderAsync(CancellationToken cancellationToken)
    {
        var ports = NodePorts();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var gossip = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{ports[0]}/gossip"), cancellationToken));
        var leader = gossip.RootElement.GetProperty("members").EnumerateArray()
            .First(m => m.GetProperty("state").GetString() == "Leader" && m.GetProperty("isAlive").GetBoolean());
        var node = Array.IndexOf(ports, leader.GetProperty("httpEndPointPort").GetInt32()) + 1;
        await EsdbAsync("kill-node", node, cancellationToken);
        return node;
    }

    public Task RestartNodeAsync(int node, CancellationToken cancellationToken) => EsdbAsync("restart-node", node, cancellationToken);

    public override ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The nodes' HTTP ports, in esdb.sh's numbering: the first one given, then every tenth.</summary>
    private int[] NodePorts()
    {
        var first = new Uri(_connection.Replace("esdb+discover://", "http://", StringComparison.Ordinal).Split(',')[0]).Port;
        return [first, first + NodePortStep, first + (2 * NodePortStep)];
    }

    private static async Task EsdbAsync(string command, int node, CancellationToken cancellationToken)
    {
        var tools = Environment.GetEnvironmentVariable("AFFAIRS_ESDB_TOOLS") is { Length: > 0 } given
            ? given
            : Path.GetFullPath(Path.Combine(Checkout(), "..", "shared", "tools", "eventstoredb"));
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(tools, "esdb.sh"), command, Environment.GetEnvironmentVariable(FolderVariable)!, node.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"esdb.sh {command} {node} exited with {process.ExitCode}");
        }
    }

    /// <summary>The checkout the tests run from: the folder above <c>tests/</c>.</summary>
    private static string Checkout()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "tests")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}
