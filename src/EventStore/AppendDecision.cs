namespace Affairs.EventStore;

/// <summary>
/// What an append must do given the stream's current revision: the expected-revision and idempotent-retry rules of
/// <see cref="IEventStore"/> in one place, so that adapters which check revisions themselves all decide alike.
/// </summary>
/// <param name="Kind">Write, conflict, or compare the stored ids first.</param>
/// <param name="RetryFrom">With <see cref="AppendDecisionKind.CheckRetry"/>: the first revision whose id to compare.</param>
/// <param name="RetryTo">With <see cref="AppendDecisionKind.CheckRetry"/>: the last revision whose id to compare.</param>
/// <param name="ConflictUnlessRetry">With <see cref="AppendDecisionKind.CheckRetry"/>: whether a mismatch is a conflict (exact, no-stream) or a fresh write (any, stream-exists).</param>
public readonly record struct AppendDecision(AppendDecisionKind Kind, long RetryFrom, long RetryTo, bool ConflictUnlessRetry)
{
    private static readonly AppendDecision WriteNow = new(AppendDecisionKind.Write, 0, 0, false);
    private static readonly AppendDecision ConflictNow = new(AppendDecisionKind.Conflict, 0, 0, true);

    /// <summary>Decides an append of <paramref name="count"/> events expecting <paramref name="expected"/> on a stream at <paramref name="currentRevision"/>.</summary>
    public static AppendDecision Decide(ExpectedRevision expected, long currentRevision, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (expected.IsExact || expected.IsNoStream)
        {
            var at = expected.IsNoStream ? StreamRevision.None : expected.Value;
            if (currentRevision == at)
            {
                return WriteNow;
            }

            return currentRevision >= at + count
                ? new AppendDecision(AppendDecisionKind.CheckRetry, at + 1, at + count, true)
                : ConflictNow;
        }

        if (expected.IsStreamExists && currentRevision == StreamRevision.None)
        {
            return ConflictNow;
        }

        return currentRevision + 1 >= count
            ? new AppendDecision(AppendDecisionKind.CheckRetry, currentRevision - count + 1, currentRevision, false)
            : WriteNow;
    }

    /// <summary>Whether the ids stored at <see cref="RetryFrom"/>…<see cref="RetryTo"/> are the batch's ids, in order.</summary>
    public static bool IsRetry(IReadOnlyList<Guid> storedIds, IReadOnlyList<EventToAppend> events)
    {
        ArgumentNullException.ThrowIfNull(storedIds);
        ArgumentNullException.ThrowIfNull(events);
        if (storedIds.Count != events.Count)
        {
            return false;
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (storedIds[i] != events[i].EventId)
            {
                return false;
            }
        }

        return true;
    }
}
