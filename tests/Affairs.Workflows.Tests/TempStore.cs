using Affairs.Stores.Sqlite;

namespace Affairs.Workflows.Tests;

/// <summary>An embedded SQLite event store in a fresh temporary file, deleted afterwards; reopen it to read what was written.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "affairs-workflow-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteEventStore> _opened = [];

    public SqliteEventStore Open()
    {
        var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = Path.Combine(_folder, "affairs.db") });
        _opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
