using Affairs.EventStore;

namespace Affairs.Stores.EventStoreDb.Appends;

/// <summary>
/// The port's rules for an append expecting <see cref="ExpectedRevision.Any"/> or <see cref="ExpectedRevision.StreamExists"/>,
/// decided from the stream's last events. EventStoreDB's own retry detection for these expectations looks event ids up in
/// a cache of recent writes, wherever they are in the stream; the port instead wants a retry only when the batch is still
/// the stream's tail and a fresh append otherwise. So the adapter reads the tail, decides here, and writes with the
/// exact revision it saw: the server refuses that write if anyone appended in between, and the adapter looks again.
/// </summary>
/// <param name="Kind">Write, conflict, or the batch is already the tail (an idempotent retry).</param>
/// <param name="Current">The stream's revision seen in the tail, <see cref="StreamRevision.None"/> where it has no events.</param>
/// <param name="Retry">For a retry: what the first append returned.</param>
internal sealed record TailDecision(AppendDecisionKind Kind, long Current, AppendResult? Retry)
{
    /// <summary>Decides from <paramref name="tail"/>, the stream's last events, newest first (at most as many as the batch).</summary>
    public static TailDecision Decide(ExpectedRevision expected, IReadOnlyList<RecordedEvent> tail, IReadOnlyList<EventToAppend> events)
    {
        ArgumentNullException.ThrowIfNull(tail);
        ArgumentNullException.ThrowIfNull(events);
        var current = tail.Count == 0 ? StreamRevision.None : tail[0].Revision;
        var decision = AppendDecision.Decide(expected, current, events.Count);
        if (decision.Kind == AppendDecisionKind.CheckRetry)
        {
            var stored = tail.Where(e => e.Revision >= decision.RetryFrom && e.Revision <= decision.RetryTo)
                .OrderBy(e => e.Revision)
                .Select(e => e.EventId)
                .ToList();
            if (AppendDecision.IsRetry(stored, events))
            {
                return new TailDecision(AppendDecisionKind.CheckRetry, current, new AppendResult(tail[0].Revision, tail[0].Position));
            }

            return new TailDecision(decision.ConflictUnlessRetry ? AppendDecisionKind.Conflict : AppendDecisionKind.Write, current, null);
        }

        return new TailDecision(decision.Kind, current, null);
    }

    /// <summary>The exact expectation to write with: the revision seen, or no-stream.</summary>
    public ExpectedRevision WriteAt => Current == StreamRevision.None ? ExpectedRevision.NoStream : ExpectedRevision.Exact(Current);
}
