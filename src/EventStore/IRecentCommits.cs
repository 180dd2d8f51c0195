namespace Affairs.EventStore;

/// <summary>
/// The events an adapter's own writer committed last, kept in memory in position order so that a subscription woken by
/// one of those commits takes them from there instead of querying the storage again. See
/// <see cref="EventPages.SubscribeAsync"/>.
/// </summary>
public interface IRecentCommits
{
    /// <summary>The position of the last event held (0 when none): every event up to it is committed and readable.</summary>
    long LastPosition { get; }

    /// <summary>
    /// The events after <paramref name="after"/> that pass <paramref name="filter"/>, at most <paramref name="limit"/>,
    /// when every position from there to <see cref="LastPosition"/> is held; false when the storage must be read.
    /// </summary>
    bool TryRead(SubscriptionFilter filter, long after, int limit, out IReadOnlyList<RecordedEvent> page);
}
