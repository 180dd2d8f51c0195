using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>The store on the server named by AFFAIRS_TEST_ESDB; created on first use, so a skipped class never connects.</summary>
public sealed class EventStoreDbFixture : IEventStoreFixture, IDisposable
{
    public const string Variable = "AFFAIRS_TEST_ESDB";

    private readonly Lazy<EventStoreDbEventStore> _store = new(() => EventStoreDbEventStore.Create(new EventStoreDbOptions
    {
        ConnectionString = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set."),
    }));

    public IEventStore Store => _store.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
