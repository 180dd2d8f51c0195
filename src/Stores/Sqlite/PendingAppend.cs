using Affairs.EventStore;

namespace Affairs.Stores.Sqlite;

/// <summary>One caller's append, waiting for the group commit that takes it.</summary>
internal sealed class PendingAppend(
    StreamName stream,
    ExpectedRevision expected,
    IReadOnlyList<EventToAppend> events,
    CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<AppendResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamName Stream { get; } = stream;

    public ExpectedRevision Expected { get; } = expected;

    public IReadOnlyList<EventToAppend> Events { get; } = events;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<AppendResult> Task => _completion.Task;

    /// <summary>The outcome decided inside the batch; handed to the caller only once the batch has committed.</summary>
    public object? Outcome { get; set; }

    public void Complete()
    {
        switch (Outcome)
        {
            case AppendResult result:
                _completion.TrySetResult(result);
                break;
            case Exception exception:
                _completion.TrySetException(exception);
                break;
            default:
                _completion.TrySetException(new InvalidOperationException("The append was not decided."));
                break;
        }
    }

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
