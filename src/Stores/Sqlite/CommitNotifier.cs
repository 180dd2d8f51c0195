namespace Affairs.Stores.Sqlite;

/// <summary>
/// Wakes subscriptions when the writer commits, so that an idle subscription waits instead of polling.
/// </summary>
internal sealed class CommitNotifier
{
    private TaskCompletionSource _next = NewSource();

    public void Notify()
    {
        var previous = Interlocked.Exchange(ref _next, NewSource());
        previous.TrySetResult();
    }

    /// <summary>A task that completes at the next commit after this call.</summary>
    public Task NextCommit => Volatile.Read(ref _next).Task;

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
