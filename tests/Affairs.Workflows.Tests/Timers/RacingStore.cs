using Affairs.EventStore;

namespace Affairs.Workflows.Tests.Timers;

/// <summary>Runs something just before the next append reaches the store: another host's append, or a fault.</summary>
internal sealed class RacingStore(IEventStore inner) : IEventStore
{
    public Func<Task>? BeforeNextAppend { get; set; }

    public async Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        if (BeforeNextAppend is { } before)
        {
            BeforeNextAppend = null;
            await before();
        }

        return await inner.AppendAsync(stream, expected, events, cancellationToken);
    }

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(filter, afterPosition, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(filter, checkpoint, cancellationToken);
}
