using Affairs.EventStore;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite;

/// <summary>
/// Keeps read models in a SQLite file of their own, beside the event store's file by default
/// (<c>affairs.db</c> → <c>affairs.readmodels.db</c>): a batch of read-model rows then never holds the event store's
/// single write lock, so appends do not wait for the projection's writes; and since the file holds only what the log
/// can rebuild, deleting it is a safe way to force a rebuild. The file is created readable by its owner only, as the
/// event store's is: read models carry case data. Commits use WAL with <c>synchronous=NORMAL</c>: a batch lost to a
/// power cut only means the projection replays it from the checkpoint that survived, which changed with its rows.
/// A file SQLite cannot read (damaged, or not a database at all) is set aside under a new name rather than failing
/// every query: found when loading, the model is rebuilt from the log into a new file; found while saving, this
/// process writes nothing more (what it holds in memory stays right) and the next start rebuilds.
/// </summary>
public sealed class SqliteReadModelStore : IReadModelStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS read_model (model TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, checkpoint INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS read_model_row (model TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (model, kind, key)) WITHOUT ROWID;
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _created;
    private int _writesSuspended;

    /// <summary>A store on <paramref name="path"/>, created (with its folder) on first use.</summary>
    public SqliteReadModelStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>
    /// Raised when a file SQLite cannot read was moved aside: the file's path, where it went, and SQLite's error code,
    /// so that whoever runs the store can say so (this adapter has no log of its own).
    /// </summary>
    public event Action<string, string, int>? FileSetAside;

    /// <summary>The read-model file that goes with the event store file <paramref name="eventStoreFile"/>: <c>x.db</c> → <c>x.readmodels.db</c>.</summary>
    public static string BesideEventStore(string eventStoreFile) =>
        System.IO.Path.ChangeExtension(System.IO.Path.GetFullPath(eventStoreFile), ".readmodels.db");

    /// <inheritdoc />
    public async Task<ReadModelState?> LoadAsync(string model, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var head = connection.CreateCommand();
            head.CommandText = "SELECT version, checkpoint FROM read_model WHERE model = $model";
            head.Parameters.AddWithValue("$model", model);
            int version;
            long checkpoint;
            await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                version = reader.GetInt32(0);
                checkpoint = reader.GetInt64(1);
            }

            var rows = new List<ReadModelRow>();
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT kind, key, body FROM read_model_row WHERE model = $model";
            select.Parameters.AddWithValue("$model", model);
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new ReadModelRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            return new ReadModelState(version, checkpoint, rows);
        }
        catch (SqliteException failure) when (IsUnreadable(failure))
        {
            SetAside(failure.SqliteErrorCode);
            return null;
        }
        catch (Exception failure) when (SqliteFaults.IsDriverFault(failure))
        {
            throw SqliteFaults.Translate(failure);
        }
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(ReadModelChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _writesSuspended) != 0)
            {
                return true;
            }

            return await SaveCoreAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException failure) when (IsUnreadable(failure))
        {
            // A new file would hold only this batch's rows under a checkpoint that claims the whole model.
            SetAside(failure.SqliteErrorCode);
            Volatile.Write(ref _writesSuspended, 1);
            return true;
        }
        catch (Exception failure) when (SqliteFaults.IsDriverFault(failure))
        {
            throw SqliteFaults.Translate(failure);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>SQLITE_CORRUPT (11) or SQLITE_NOTADB (26), in their primary or extended form.</summary>
    private static bool IsUnreadable(SqliteException failure) => (failure.SqliteErrorCode & 0xFF) is 11 or 26;

    /// <summary>Moves the unreadable file (and its WAL and shared-memory files) aside, so that the next use starts a new one.</summary>
    private void SetAside(int error)
    {
        using (var pooled = new SqliteConnection(_connectionString))
        {
            // Only this file's pooled connections: the event store's readers keep theirs.
            SqliteConnection.ClearPool(pooled);
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            if (File.Exists(Path + suffix))
            {
                File.Move(Path + suffix, $"{Path}.unreadable-{stamp}{suffix}", overwrite: true);
            }
        }

        Volatile.Write(ref _created, 0);
        FileSetAside?.Invoke(Path, $"{Path}.unreadable-{stamp}", error);
    }

    private async Task<bool> SaveCoreAsync(ReadModelChanges changes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var ahead = connection.CreateCommand())
        {
            ahead.CommandText = "SELECT 1 FROM read_model WHERE model = $model AND version = $version AND (checkpoint > $checkpoint OR (checkpoint = $checkpoint AND NOT $replace))";
            ahead.Parameters.AddWithValue("$replace", changes.ReplaceAll);
            ahead.Parameters.AddWithValue("$model", changes.Model);
            ahead.Parameters.AddWithValue("$version", changes.Version);
            ahead.Parameters.AddWithValue("$checkpoint", changes.Checkpoint);
            if (await ahead.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }
        }

        if (changes.ReplaceAll)
        {
            await using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM read_model_row WHERE model = $model";
            clear.Parameters.AddWithValue("$model", changes.Model);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT OR REPLACE INTO read_model_row (model, kind, key, body) VALUES ($model, $kind, $key, $body)";
        upsert.Parameters.AddWithValue("$model", changes.Model);
        var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
        var key = upsert.Parameters.Add("$key", SqliteType.Text);
        var body = upsert.Parameters.Add("$body", SqliteType.Text);
        upsert.Prepare();
        foreach (var row in changes.Rows)
        {
            kind.Value = row.Kind;
            key.Value = row.Key;
            body.Value = row.Body;
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var head = connection.CreateCommand();
        head.CommandText = "INSERT OR REPLACE INTO read_model (model, version, checkpoint) VALUES ($model, $version, $checkpoint)";
        head.Parameters.AddWithValue("$model", changes.Model);
        head.Parameters.AddWithValue("$version", changes.Version);
        head.Parameters.AddWithValue("$checkpoint", changes.Checkpoint);
        await head.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            OwnerOnlyFiles.Prepare(Path);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Volatile.Read(ref _created) == 0 ? "PRAGMA synchronous = NORMAL;" + Schema : "PRAGMA synchronous = NORMAL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _created, 1);
        return connection;
    }
}
