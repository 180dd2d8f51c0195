namespace Affairs.Stores.Postgres;

/// <summary>
/// Wakes idle subscriptions when events may have been committed: pulsed by this process's writer after each group
/// commit and by the LISTEN connection for commits made by any process.
/// </summary>
internal sealed class AppendSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next pulse after this call.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
