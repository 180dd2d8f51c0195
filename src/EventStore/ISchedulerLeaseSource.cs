namespace Affairs.EventStore;

/// <summary>
/// A store that keeps the scheduler lease by its own means, cheaper than a lease stream in the log: PostgreSQL with a
/// session advisory lock, EventStoreDB with a lease stream kept out of the application's log, the embedded SQLite store
/// by being one host's alone. A store without it gets the lease stream, which works on any store.
/// </summary>
public interface ISchedulerLeaseSource
{
    /// <summary>A lease for the host <paramref name="holderId"/>; the caller disposes it.</summary>
    /// <param name="holderId">Who this host is in the lease.</param>
    /// <param name="duration">
    /// How long a lease kept by writes stays with a holder that stopped renewing it; a lease that ends with its holder's
    /// session or process ignores it.
    /// </param>
    ISchedulerLease OpenSchedulerLease(string holderId, TimeSpan duration);
}
