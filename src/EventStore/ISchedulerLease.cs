namespace Affairs.EventStore;

/// <summary>
/// Elects one timer scheduler among the hosts of a deployment: a host fires timers only while it holds the lease, and
/// when the holder dies without releasing it another host takes it over. One caller at a time per instance (the hosted
/// scheduler). Timers stay idempotent (each timer's key is its command's idempotency key), so the short overlap while a
/// host notices that it lost the lease fires nothing twice.
/// </summary>
public interface ISchedulerLease : IAsyncDisposable
{
    /// <summary>Who this host is in the lease: unique per running host, shown to operators.</summary>
    string HolderId { get; }

    /// <summary>Takes the lease if it is free (never taken, released, or its holder stopped renewing); keeps it if already held.</summary>
    /// <returns>Whether this host holds the lease now, and who holds it as far as this host knows.</returns>
    Task<LeaseState> TryAcquireAsync(CancellationToken cancellationToken = default);

    /// <summary>Proves that this host is still alive and holding; answers not held when the lease was lost meanwhile.</summary>
    Task<LeaseState> RenewAsync(CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, so that another host can take it at once rather than after it expires.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken = default);
}
