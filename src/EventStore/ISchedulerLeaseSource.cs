namespace Affairs.EventStore;

/// <summary>
/// A store that keeps the scheduler lease by its own means, cheaper than a lease stream in the log: PostgreSQL with a
/// session advisory lock, EventStoreDB with the one slot of a persistent subscription group, the embedded SQLite store
/// by being one host's alone. A store without it gets the lease stream, which works on any store.
/// </summary>
public interface ISchedulerLeaseSource
{
    /// <summary>A lease for the host <paramref name="holderId"/>; the caller disposes it.</summary>
    ISchedulerLease OpenSchedulerLease(string holderId);
}
