using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Affairs.Stores.Postgres;
using Npgsql;

namespace Affairs.Workflows.Tests.Ledger;

/// <summary>The tampering, on a PostgreSQL store in a schema of its own, dropped afterwards.</summary>
[RequiresEnvironment(Variable)]
public sealed class PostgresLedgerTamperTests : LedgerTamperTests
{
    public const string Variable = "AFFAIRS_TEST_POSTGRES";

    private readonly string _schema = "ledger_" + Guid.NewGuid().ToString("N")[..16];
    private PostgresEventStore? _store;

    private static string ConnectionString => Environment.GetEnvironmentVariable(Variable)!;

    protected override string EventsTable => $"\"{_schema}\".events";

    protected override async Task<IEventStore> OpenStoreAsync()
    {
        _store = new PostgresEventStore(new PostgresEventStoreOptions { ConnectionString = ConnectionString, Schema = _schema });
        await _store.MigrateAsync();
        return _store;
    }

    protected override async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    protected override async Task CloseAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        }
    }
}
