using Affairs.EventStore;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite;

/// <summary>
/// The embedded event store: one SQLite file in WAL mode, durable by default, with one writer thread that
/// group-commits concurrent appends and readers on pooled connections that never block it.
/// </summary>
public sealed partial class SqliteEventStore : IEventStore, IAsyncDisposable
{
    private readonly SqliteEventStoreOptions _options;
    private readonly string _readConnectionString;
    private readonly SqliteConnection _writerConnection;
    private readonly SqliteWriter _writer;
    private readonly PreparedStreamReads _streamReads;
    private readonly CommitNotifier _notifier = new();
    private readonly CommittedTail _tail = new(RecentEventsHeld);
    private int _disposed;

    /// <summary>How many of the writer's latest events subscriptions can take from memory: a few seconds of a busy centre.</summary>
    private const int RecentEventsHeld = 4096;

    private SqliteEventStore(SqliteEventStoreOptions options)
    {
        _options = options;
        var file = System.IO.Path.GetFullPath(options.Path);
        OwnerOnlyFiles.Prepare(file);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        _writerConnection = new SqliteConnection(builder.ToString());
        try
        {
            _writerConnection.Open();
            var synchronous = options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
            SqliteSchema.Execute(_writerConnection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA foreign_keys=OFF;");
            SqliteSchema.Migrate(_writerConnection);
        }
        catch
        {
            _writerConnection.Dispose();
            throw;
        }

        builder.Mode = SqliteOpenMode.ReadOnly;
        _readConnectionString = builder.ToString();
        _streamReads = new PreparedStreamReads(_readConnectionString);
        _writer = new SqliteWriter(_writerConnection, options, _notifier, _tail);
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _writerConnection.DataSource;

    /// <summary>
    /// Write transactions committed so far and the appends they carried; appends per commit above 1 is group commit
    /// at work. Counted since this instance opened the file.
    /// </summary>
    public (long Commits, long Appends) GroupCommitCounters => _writer.Counters;

    /// <summary>Opens (and on first use creates and migrates) the store at <see cref="SqliteEventStoreOptions.Path"/>.</summary>
    /// <exception cref="EventStoreUnavailableException">The file cannot be created, opened or migrated now.</exception>
    public static SqliteEventStore Open(SqliteEventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAppendsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadPageSize, 1);
        try
        {
            return new SqliteEventStore(options);
        }
        catch (Exception exception) when (SqliteFaults.IsDriverFault(exception))
        {
            throw SqliteFaults.Translate(exception);
        }
    }

    /// <summary>Finishes the appends already queued, then closes the file.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _writer.Dispose();
            _streamReads.Dispose();
            _writerConnection.Dispose();
            _notifier.Notify();
        }

        return ValueTask.CompletedTask;
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return connection;
    }
}
