using System.Runtime.CompilerServices;
using Affairs.EventStore;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>
/// The store port kept in memory, for specifications and walks that send tens of thousands of commands: the same
/// expected-revision and retry rules as every adapter (<see cref="AppendDecision"/>), one lock for all of it.
/// </summary>
public sealed class InMemoryEventStore(TimeProvider time) : IEventStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    private readonly List<RecordedEvent> _log = [];
    private TaskCompletionSource _commit = NewCommit();

    public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        EventBatch.Validate(stream, events);
        TaskCompletionSource committed;
        AppendResult result;
        lock (_gate)
        {
            var recorded = _streams.TryGetValue(stream.Value, out var s) ? s : [];
            var current = recorded.Count - 1L;
            var decision = AppendDecision.Decide(expected, current, events.Count);
            if (decision.Kind == AppendDecisionKind.CheckRetry)
            {
                var stored = recorded.Skip((int)decision.RetryFrom).Take((int)(decision.RetryTo - decision.RetryFrom + 1)).ToList();
                if (AppendDecision.IsRetry([.. stored.Select(e => e.EventId)], events))
                {
                    return Task.FromResult(new AppendResult(stored[^1].Revision, stored[^1].Position));
                }

                decision = decision with { Kind = decision.ConflictUnlessRetry ? AppendDecisionKind.Conflict : AppendDecisionKind.Write };
            }

            if (decision.Kind == AppendDecisionKind.Conflict)
            {
                throw new WrongExpectedRevisionException(stream, expected, current);
            }

            var at = time.GetUtcNow();
            foreach (var e in events)
            {
                var written = new RecordedEvent(stream, recorded.Count, _log.Count + 1, e.EventId, e.Type, e.Data.ToArray(), e.Metadata.ToArray(), at);
                recorded.Add(written);
                _log.Add(written);
            }

            _streams[stream.Value] = recorded;
            result = new AppendResult(recorded.Count - 1, _log.Count);
            committed = _commit;
            _commit = NewCommit();
        }

        committed.TrySetResult();
        return Task.FromResult(result);
    }

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        List<RecordedEvent> page;
        lock (_gate)
        {
            var recorded = _streams.GetValueOrDefault(stream.Value) ?? [];
            page = direction == ReadDirection.Forwards
                ? [.. recorded.Skip((int)Math.Min(fromRevision, int.MaxValue)).Take((int)Math.Min(maxCount, int.MaxValue))]
                : [.. Enumerable.Reverse(recorded).SkipWhile(e => e.Revision > fromRevision).Take((int)Math.Min(maxCount, int.MaxValue))];
        }

        foreach (var e in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default) =>
        EventPages.ReadLogAsync(afterPosition, maxCount, 512, (after, limit, _) => ValueTask.FromResult(Page(filter, after, limit)), cancellationToken);

    public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
        EventPages.SubscribeAsync(
            checkpoint,
            512,
            (after, limit, _) => ValueTask.FromResult(Page(filter, after, limit)),
            () => { lock (_gate) { return _commit.Task; } },
            TimeSpan.FromSeconds(1),
            TimeProvider.System,
            filter,
            cancellationToken: cancellationToken);

    private IReadOnlyList<RecordedEvent> Page(SubscriptionFilter filter, long after, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            return [.. _log.Skip((int)Math.Min(after, _log.Count)).Where(e => filter.Matches(e.Stream)).Take(limit)];
        }
    }

    private static TaskCompletionSource NewCommit() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
