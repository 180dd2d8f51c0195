using Affairs.EventStore;

namespace Affairs.Stores.Sqlite;

/// <summary>
/// The scheduler lease of the embedded store: the file is one host's (several hosts share a PostgreSQL or EventStoreDB
/// store, not a SQLite file), so that host always holds the lease and nothing is written for it. A lease stream would
/// cost the file an event every few seconds for ever, with no second host to elect.
/// </summary>
public sealed partial class SqliteEventStore : ISchedulerLeaseSource
{
    /// <inheritdoc />
    public ISchedulerLease OpenSchedulerLease(string holderId, TimeSpan duration) => new SingleHostLease(holderId);
}
