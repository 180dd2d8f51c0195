using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Leases;

namespace Affairs.Stores.EventStoreDb;

/// <summary>The scheduler lease of the EventStoreDB store: a lease stream outside the application's log (see <see cref="EventStoreDbSchedulerLease"/>).</summary>
public sealed partial class EventStoreDbEventStore : ISchedulerLeaseSource
{
    /// <inheritdoc />
    public ISchedulerLease OpenSchedulerLease(string holderId, TimeSpan duration) =>
        new EventStoreDbSchedulerLease(_router, holderId, EventStoreDbSchedulerLease.Stream, duration, TimeProvider.System);
}
