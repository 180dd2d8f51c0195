using Npgsql;

namespace Affairs.Stores.Postgres;

/// <summary>
/// A key ring's entries (XML documents, as ASP.NET Core's data protection writes them) in table <c>key_ring</c> of
/// the store's schema, created on first use, so that every host of a deployment protects and reads cookies with the
/// same keys. Entries are only added, never changed. Synchronous, as the data-protection repository it serves is.
/// </summary>
public sealed class PostgresKeyRingTable : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _schemaName;
    private int _created;

    /// <summary>The table in <paramref name="schema"/> of the database at <paramref name="connectionString"/>.</summary>
    public PostgresKeyRingTable(string connectionString, string schema = "affairs")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _schemaName = PostgresSchema.Validate(schema);
        _schema = PostgresSchema.Quote(_schemaName);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Every entry, oldest first.</summary>
    /// <exception cref="Affairs.EventStore.EventStoreUnavailableException">The database cannot be reached.</exception>
    public IReadOnlyList<string> ReadAll()
    {
        try
        {
            using var connection = Open();
            using var select = new NpgsqlCommand($"SELECT body FROM {_schema}.key_ring ORDER BY id", connection);
            using var reader = select.ExecuteReader();
            var entries = new List<string>();
            while (reader.Read())
            {
                entries.Add(reader.GetString(0));
            }

            return entries;
        }
        catch (Exception failure) when (PostgresFaults.IsDriverFault(failure))
        {
            throw PostgresFaults.Translate(failure);
        }
    }

    /// <summary>Adds an entry named <paramref name="name"/>.</summary>
    /// <exception cref="Affairs.EventStore.EventStoreUnavailableException">The database cannot be reached.</exception>
    public void Add(string name, string body)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var connection = Open();
            using var insert = new NpgsqlCommand($"INSERT INTO {_schema}.key_ring (name, body) VALUES ($1, $2)", connection);
            insert.Parameters.AddWithValue(name);
            insert.Parameters.AddWithValue(body);
            insert.ExecuteNonQuery();
        }
        catch (Exception failure) when (PostgresFaults.IsDriverFault(failure))
        {
            throw PostgresFaults.Translate(failure);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private NpgsqlConnection Open()
    {
        var connection = _dataSource.OpenConnection();
        if (Volatile.Read(ref _created) == 0)
        {
            using var create = new NpgsqlCommand(
                PostgresSchema.UnderMigrationLock(_schemaName, $"CREATE TABLE IF NOT EXISTS {_schema}.key_ring (id bigserial PRIMARY KEY, name text NOT NULL, body text NOT NULL, added timestamptz NOT NULL DEFAULT now());"),
                connection);
            create.ExecuteNonQuery();
            Volatile.Write(ref _created, 1);
        }

        return connection;
    }
}
