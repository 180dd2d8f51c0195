using System.Runtime.CompilerServices;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Affairs.Stores.Postgres;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Affairs.Workflows.Tests.Projections;

/// <summary>
/// The case board kept with its checkpoint in a read-model store: a restart resumes from the checkpoint instead of
/// replaying the log, and what it resumes equals a replay from position 0.
/// </summary>
public abstract class PersistedBoardTests : IAsyncLifetime
{
    private Centre _centre = null!;
    private Casework _work = null!;

    private Engine Engine => _centre.Engine;

    /// <summary>The store under test; the same one across a restart.</summary>
    protected abstract IReadModelStore ReadModels { get; }

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync(new Engine(services => services.AddSingleton(ReadModels)));
        _work = new Casework(_centre);
    }

    public virtual async Task DisposeAsync() => await _centre.DisposeAsync();

    [ConformanceFact]
    public async Task a_restart_loads_the_stored_board_and_reads_only_the_events_after_its_checkpoint()
    {
        await _work.AcceptedDibaoAsync();
        await _work.Projections.CatchUpAsync();
        var stored = _work.Projections.Checkpoint;
        var later = await _work.OpenDibaoAsync();

        var counting = new CountingStore(Engine.Store);
        await using var restarted = new Engine(services => Restart(services, counting), sharing: Engine);
        var projections = restarted.Services.GetRequiredService<ProjectionEngine>();
        await projections.CatchUpAsync();

        Assert.Equal(stored, projections.LoadedCheckpoint);
        Assert.True(counting.Read > 0);
        Assert.Equal(0, counting.ReadAtOrBefore(stored));
        Assert.NotNull(projections.Board.Find(later));
        Assert.Equal(await Engine.Store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue).Select(e => e.Position).LastAsync(), projections.Checkpoint);
    }

    [ConformanceFact]
    public async Task a_board_resumed_from_storage_equals_one_rebuilt_from_the_whole_log()
    {
        var first = await _work.AcceptedDibaoAsync();
        await _work.NoteAsync(first, Centre.A);
        await _work.Projections.CatchUpAsync();
        await _work.DibaoOnNoticeAsync();
        await _work.FireAsync(first, "withdraw", Centre.A);

        await using var restarted = new Engine(services => Restart(services, null), sharing: Engine);
        var projections = restarted.Services.GetRequiredService<ProjectionEngine>();
        await projections.CatchUpAsync();
        var resumed = Snapshot(projections.Board);
        await projections.RebuildAsync();
        var rebuilt = Snapshot(projections.Board);

        Assert.True(projections.LoadedCheckpoint > 0);
        Assert.Equal(rebuilt, resumed);
        Assert.Contains(first, resumed, StringComparison.Ordinal);

        // The rebuilt board is stored in place of the old one, with its checkpoint: a third start loads it as it is.
        await using var third = new Engine(services => Restart(services, null), sharing: Engine);
        var again = third.Services.GetRequiredService<ProjectionEngine>();
        await again.CatchUpAsync();
        Assert.Equal(projections.Checkpoint, again.LoadedCheckpoint);
        Assert.Equal(rebuilt, Snapshot(again.Board));
    }

    [ConformanceFact]
    public async Task a_board_stored_by_another_version_of_the_projection_is_rebuilt_from_the_log_and_replaced()
    {
        var opened = await _work.AcceptedDibaoAsync();
        await _work.Projections.CatchUpAsync();
        var expected = Snapshot(_work.Projections.Board);
        await ReadModels.SaveAsync(new ReadModelChanges("case-board", 999_999, _work.Projections.Checkpoint, [new("case", opened, "not what this version reads")], ReplaceAll: true));

        await using var restarted = new Engine(services => Restart(services, null), sharing: Engine);
        var projections = restarted.Services.GetRequiredService<ProjectionEngine>();
        await projections.CatchUpAsync();
        var stored = await ReadModels.LoadAsync("case-board");

        Assert.Equal(0, projections.LoadedCheckpoint);
        Assert.Equal(expected, Snapshot(projections.Board));
        Assert.NotNull(stored);
        Assert.NotEqual(999_999, stored.Version);
        Assert.Equal(projections.Checkpoint, stored.Checkpoint);
        Assert.DoesNotContain(stored.Rows, r => r.Body == "not what this version reads");
    }

    [ConformanceFact]
    public async Task a_batch_behind_what_another_host_stored_writes_nothing_so_the_checkpoint_only_moves_forward()
    {
        var ahead = await ReadModels.SaveAsync(new ReadModelChanges("shared", 1, 20, [new("case", "c-1", "at 20")], ReplaceAll: false));
        var behind = await ReadModels.SaveAsync(new ReadModelChanges("shared", 1, 10, [new("case", "c-1", "at 10"), new("case", "c-2", "at 10")], ReplaceAll: false));
        var again = await ReadModels.SaveAsync(new ReadModelChanges("shared", 1, 20, [new("case", "c-1", "again at 20")], ReplaceAll: false));
        var replaced = await ReadModels.SaveAsync(new ReadModelChanges("shared", 1, 20, [new("case", "c-3", "rebuilt at 20")], ReplaceAll: true));
        var stored = await ReadModels.LoadAsync("shared");

        Assert.Equal((true, false, false, true), (ahead, behind, again, replaced));
        Assert.NotNull(stored);
        Assert.Equal(20, stored.Checkpoint);
        Assert.Equal([new ReadModelRow("case", "c-3", "rebuilt at 20")], stored.Rows);
        Assert.Null(await ReadModels.LoadAsync("another"));
    }

    /// <summary>The board as JSON: every case, household and death with everything the board keeps of it.</summary>
    internal static string Snapshot(CaseBoard board) =>
        JsonSerializer.Serialize(new { board.Checkpoint, Cases = board.InLogOrder, Households = board.Households.InLogOrder, Residents = board.Residents.InLogOrder, Deaths = board.Deaths.OrderBy(d => d.Key, StringComparer.Ordinal) }, EventCodec.JsonOptions);

    private void Restart(IServiceCollection services, CountingStore? counting)
    {
        services.AddSingleton(ReadModels);
        if (counting is not null)
        {
            services.AddSingleton<IEventStore>(counting);
        }
    }
}

/// <summary>The board kept in a SQLite file of its own.</summary>
public sealed class SqlitePersistedBoardTests : PersistedBoardTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "affairs-tests", Guid.NewGuid().ToString("N") + ".readmodels.db");
    private SqliteReadModelStore? _store;

    protected override IReadModelStore ReadModels => _store ??= new SqliteReadModelStore(_file);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>The board kept in PostgreSQL, in a schema of its own, dropped afterwards.</summary>
[RequiresEnvironment(Variable)]
public sealed class PostgresPersistedBoardTests : PersistedBoardTests
{
    public const string Variable = "AFFAIRS_TEST_POSTGRES";

    private readonly string _schema = "board_" + Guid.NewGuid().ToString("N")[..16];
    private PostgresReadModelStore? _store;

    private static string ConnectionString => Environment.GetEnvironmentVariable(Variable)!;

    protected override IReadModelStore ReadModels => _store ??= new PostgresReadModelStore(ConnectionString, _schema);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Passes everything to the store underneath, counting the events read from the log and where.</summary>
internal sealed class CountingStore(IEventStore inner) : IEventStore
{
    private readonly List<long> _positions = [];

    public int Read
    {
        get
        {
            lock (_positions)
            {
                return _positions.Count;
            }
        }
    }

    public int ReadAtOrBefore(long position)
    {
        lock (_positions)
        {
            return _positions.Count(p => p <= position);
        }
    }

    public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(stream, expected, events, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default) =>
        Counted(inner.ReadAllAsync(filter, afterPosition, maxCount, cancellationToken), cancellationToken);

    public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
        Counted(inner.SubscribeAsync(filter, checkpoint, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<RecordedEvent> Counted(IAsyncEnumerable<RecordedEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var recorded in events.WithCancellation(cancellationToken))
        {
            lock (_positions)
            {
                _positions.Add(recorded.Position);
            }

            yield return recorded;
        }
    }
}
