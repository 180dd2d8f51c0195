using Affairs.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Affairs.Stores.Postgres;

/// <summary>
/// Keeps read models in the event store's PostgreSQL database, in two tables of the store's schema
/// (<c>read_model</c>: version and checkpoint per model; <c>read_model_row</c>: its rows), created on first use. A batch
/// replaces its rows with one statement over arrays and moves the checkpoint in the same transaction.
/// </summary>
public sealed class PostgresReadModelStore : IReadModelStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _schemaName;
    private int _created;

    /// <summary>A store on <paramref name="connectionString"/>, in <paramref name="schema"/>.</summary>
    public PostgresReadModelStore(string connectionString, string schema = "affairs")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _schemaName = PostgresSchema.Validate(schema);
        _schema = PostgresSchema.Quote(_schemaName);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    public async Task<ReadModelState?> LoadAsync(string model, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            int version;
            long checkpoint;
            await using (var head = new NpgsqlCommand($"SELECT version, checkpoint FROM {_schema}.read_model WHERE model = $1", connection, transaction))
            {
                head.Parameters.AddWithValue(model);
                await using var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                version = reader.GetInt32(0);
                checkpoint = reader.GetInt64(1);
            }

            var rows = new List<ReadModelRow>();
            await using (var select = new NpgsqlCommand($"SELECT kind, key, body FROM {_schema}.read_model_row WHERE model = $1", connection, transaction))
            {
                select.Parameters.AddWithValue(model);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new ReadModelRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new ReadModelState(version, checkpoint, rows);
        }
        catch (Exception failure) when (PostgresFaults.IsDriverFault(failure))
        {
            throw PostgresFaults.Translate(failure);
        }
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(ReadModelChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // One writer per model at a time: the lock on its head row orders the batches of hosts sharing the
            // database, and a batch another host is already past writes nothing.
            await using (var create = new NpgsqlCommand($"INSERT INTO {_schema}.read_model (model, version, checkpoint) VALUES ($1, $2, -1) ON CONFLICT (model) DO NOTHING", connection, transaction))
            {
                create.Parameters.AddWithValue(changes.Model);
                create.Parameters.AddWithValue(changes.Version);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var head = new NpgsqlCommand(
                $"SELECT version = $2 AND (checkpoint > $3 OR (checkpoint = $3 AND NOT $4)) FROM {_schema}.read_model WHERE model = $1 FOR UPDATE",
                connection,
                transaction))
            {
                head.Parameters.AddWithValue(changes.Model);
                head.Parameters.AddWithValue(changes.Version);
                head.Parameters.AddWithValue(changes.Checkpoint);
                head.Parameters.AddWithValue(changes.ReplaceAll);
                if (await head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                {
                    return false;
                }
            }

            await using (var move = new NpgsqlCommand($"UPDATE {_schema}.read_model SET version = $2, checkpoint = $3 WHERE model = $1", connection, transaction))
            {
                move.Parameters.AddWithValue(changes.Model);
                move.Parameters.AddWithValue(changes.Version);
                move.Parameters.AddWithValue(changes.Checkpoint);
                await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (changes.ReplaceAll)
            {
                await using var clear = new NpgsqlCommand($"DELETE FROM {_schema}.read_model_row WHERE model = $1", connection, transaction);
                clear.Parameters.AddWithValue(changes.Model);
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (changes.Rows.Count > 0)
            {
                await using var upsert = new NpgsqlCommand(
                    $"""
                    INSERT INTO {_schema}.read_model_row (model, kind, key, body)
                    SELECT $1, kind, key, body FROM unnest($2::text[], $3::text[], $4::text[]) AS r (kind, key, body)
                    ON CONFLICT (model, kind, key) DO UPDATE SET body = excluded.body
                    """,
                    connection,
                    transaction);
                upsert.Parameters.AddWithValue(changes.Model);
                upsert.Parameters.Add(new NpgsqlParameter { Value = changes.Rows.Select(r => r.Kind).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                upsert.Parameters.Add(new NpgsqlParameter { Value = changes.Rows.Select(r => r.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                upsert.Parameters.Add(new NpgsqlParameter { Value = changes.Rows.Select(r => r.Body).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception failure) when (PostgresFaults.IsDriverFault(failure))
        {
            throw PostgresFaults.Translate(failure);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _created) == 0)
        {
            await using var create = new NpgsqlCommand(
                PostgresSchema.UnderMigrationLock(_schemaName, $"""
                    CREATE TABLE IF NOT EXISTS {_schema}.read_model (model text PRIMARY KEY, version integer NOT NULL, checkpoint bigint NOT NULL);
                    CREATE TABLE IF NOT EXISTS {_schema}.read_model_row (model text NOT NULL, kind text NOT NULL, key text NOT NULL, body text NOT NULL, PRIMARY KEY (model, kind, key));
                    """),
                connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }

        return connection;
    }
}
