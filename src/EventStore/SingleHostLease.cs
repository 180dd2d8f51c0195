namespace Affairs.EventStore;

/// <summary>
/// The lease of a store that only one host ever opens (the embedded SQLite file): always held, since there is no one
/// else to elect. Nothing is written or locked.
/// </summary>
/// <param name="holderId">This host's id.</param>
public sealed class SingleHostLease(string holderId) : ISchedulerLease
{
    private readonly LeaseState _held = new(true, holderId);

    /// <inheritdoc />
    public string HolderId => holderId;

    /// <inheritdoc />
    public Task<LeaseState> TryAcquireAsync(CancellationToken cancellationToken = default) => Task.FromResult(_held);

    /// <inheritdoc />
    public Task<LeaseState> RenewAsync(CancellationToken cancellationToken = default) => Task.FromResult(_held);

    /// <inheritdoc />
    public Task ReleaseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
