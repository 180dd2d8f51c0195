using Affairs.EventStore;
using Npgsql;

namespace Affairs.Stores.Postgres;

/// <summary>
/// The event store on PostgreSQL 13 or later (no extensions): one schema with versioned migrations, group commit
/// of concurrent appends in one statement, positions assigned under a log-head row lock so that they become visible
/// in order, and subscriptions woken by LISTEN/NOTIFY. Creating it opens no connection; the schema is created or
/// migrated on first use (or by <see cref="MigrateAsync"/>).
/// </summary>
public sealed partial class PostgresEventStore : IEventStore, IAsyncDisposable
{
    private readonly PostgresEventStoreOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresWriter _writer;
    private readonly AppendListener _listener;
    private readonly AppendSignal _signal = new();
    private readonly SemaphoreSlim _migration = new(1, 1);
    private readonly string _quotedSchema;
    private volatile bool _migrated;
    private int _disposed;

    /// <summary>Creates the store; nothing connects until the first append, read or subscription.</summary>
    /// <param name="options">The connection string and schema; see <see cref="PostgresEventStoreOptions"/>.</param>
    public PostgresEventStore(PostgresEventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAppendsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadPageSize, 1);
        PostgresSchema.Validate(options.Schema);
        _options = options;
        _quotedSchema = PostgresSchema.Quote(options.Schema);
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        var channel = options.Schema + "_appended";
        _writer = new PostgresWriter(_dataSource, options, channel, _signal, EnsureSchemaAsync);
        _listener = new AppendListener(options.ConnectionString, options.Schema, channel, _signal);
    }

    /// <summary>The schema that holds the store's tables.</summary>
    public string Schema => _options.Schema;

    /// <summary>
    /// Group commits so far and the appends they carried; appends per commit above 1 is group commit at work.
    /// Counted since this instance was created.
    /// </summary>
    public (long Commits, long Appends) GroupCommitCounters => _writer.Counters;

    /// <summary>
    /// Creates the schema or brings it up to date now rather than on first use. Safe to call from several processes
    /// at once: an advisory lock lets one migrate while the others wait, then find nothing left to do.
    /// </summary>
    /// <exception cref="EventStoreUnavailableException">The server cannot be reached.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            await MigrateOnceAsync(always: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (PostgresFaults.IsDriverFault(exception))
        {
            throw PostgresFaults.Translate(exception);
        }
    }

    /// <summary>Finishes the appends already queued, then closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        _signal.Pulse();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _migration.Dispose();
    }

    private ValueTask EnsureSchemaAsync(CancellationToken cancellationToken) =>
        _migrated ? ValueTask.CompletedTask : new ValueTask(MigrateOnceAsync(always: false, cancellationToken));

    /// <summary>Migrates, one caller at a time in this process; on first use only the first caller does the work.</summary>
    private async Task MigrateOnceAsync(bool always, CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated && !always)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await PostgresSchema.MigrateAsync(connection, _options.Schema, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    private async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }
}
