using Affairs.EventStore;

namespace Affairs.Stores.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The append joins the next group commit. Cancellation is honoured until that commit takes the append;
    /// after that the append completes with its real outcome.
    /// </remarks>
    public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        EventBatch.Validate(stream, events);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _writer.Enqueue(new PendingAppend(stream, expected, events, cancellationToken));
    }
}
