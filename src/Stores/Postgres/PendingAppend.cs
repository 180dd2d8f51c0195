using Affairs.EventStore;

namespace Affairs.Stores.Postgres;

/// <summary>One caller's append, waiting for the group commit that takes it; completed only after that commit.</summary>
internal sealed class PendingAppend(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken)
    : TaskCompletionSource<AppendResult>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public StreamName Stream { get; } = stream;

    public ExpectedRevision Expected { get; } = expected;

    public IReadOnlyList<EventToAppend> Events { get; } = events;

    public CancellationToken CancellationToken { get; } = cancellationToken;
}
