using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Microsoft.Data.Sqlite;

namespace Affairs.Workflows.Tests.Ledger;

/// <summary>The tampering, on the embedded store's file.</summary>
public sealed class SqliteLedgerTamperTests : LedgerTamperTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "affairs-ledger-tests", Guid.NewGuid().ToString("N"));
    private SqliteEventStore? _store;

    private string File => Path.Combine(_folder, "events.db");

    protected override string EventsTable => "events";

    protected override Task<IEventStore> OpenStoreAsync()
    {
        Directory.CreateDirectory(_folder);
        _store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = File, Durability = SqliteDurability.Normal });
        return Task.FromResult<IEventStore>(_store);
    }

    protected override async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    protected override async Task CloseAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
