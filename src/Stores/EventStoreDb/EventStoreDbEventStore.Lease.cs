using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Leases;

namespace Affairs.Stores.EventStoreDb;

/// <summary>The scheduler lease of the EventStoreDB store: the one slot of a persistent subscription group (see <see cref="EventStoreDbSchedulerLease"/>).</summary>
public sealed partial class EventStoreDbEventStore : ISchedulerLeaseSource
{
    /// <inheritdoc />
    public ISchedulerLease OpenSchedulerLease(string holderId) =>
        new EventStoreDbSchedulerLease(_settings, holderId, EventStoreDbSchedulerLease.Stream, EventStoreDbSchedulerLease.Group);
}
