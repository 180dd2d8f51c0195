using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Sqlite.Tests;

/// <summary>A fresh store file in a temporary folder, removed afterwards.</summary>
public sealed class SqliteFixture : IEventStoreFixture, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SqliteEventStore? _store;

    public IEventStore Store => _store ?? throw new InvalidOperationException("The fixture is not initialised.");

    public Task InitializeAsync()
    {
        _store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = _folder.File("events.db") });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _folder.Dispose();
    }
}
