using System.Runtime.CompilerServices;

namespace Affairs.EventStore;

/// <summary>
/// Stream reads, log reads and catch-up subscriptions for adapters whose storage answers one bounded query at a time:
/// the paging, the end conditions and the catch-up-then-live loop in one place, so that such adapters agree. Each
/// page is read completely before any of it is handed on, so a slow consumer never holds a connection open.
/// </summary>
public static class EventPages
{
    /// <summary>Reads one page of at most <paramref name="limit"/> events.</summary>
    /// <param name="from">For a stream: the first revision (inclusive). For the log: the last position already seen (exclusive).</param>
    /// <param name="limit">The most events to return.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public delegate ValueTask<IReadOnlyList<RecordedEvent>> PageReader(long from, int limit, CancellationToken cancellationToken);

    /// <summary>The body of <see cref="IEventStore.ReadStreamAsync"/>: pages from <paramref name="fromRevision"/> in <paramref name="direction"/>.</summary>
    /// <param name="direction">Forwards, or backwards (the reader then returns revisions at or below <c>from</c>, highest first).</param>
    /// <param name="fromRevision">The first revision to return, inclusive.</param>
    /// <param name="maxCount">The most events to return.</param>
    /// <param name="pageSize">The most events one page holds.</param>
    /// <param name="readPage">Reads one page of the stream.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        ReadDirection direction,
        long fromRevision,
        long maxCount,
        int pageSize,
        PageReader readPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        ArgumentNullException.ThrowIfNull(readPage);
        var forwards = direction == ReadDirection.Forwards;
        var next = fromRevision;
        var remaining = maxCount;
        while (remaining > 0)
        {
            var limit = (int)Math.Min(remaining, pageSize);
            var page = await readPage(next, limit, cancellationToken).ConfigureAwait(false);
            foreach (var @event in page)
            {
                yield return @event;
            }

            if (page.Count < limit || (!forwards && page[^1].Revision == 0))
            {
                yield break;
            }

            remaining -= page.Count;
            next = forwards ? page[^1].Revision + 1 : page[^1].Revision - 1;
        }
    }

    /// <summary>The body of <see cref="IEventStore.ReadAllAsync"/>: pages of the log after <paramref name="afterPosition"/>.</summary>
    /// <param name="afterPosition">The last position already seen.</param>
    /// <param name="maxCount">The most events to return.</param>
    /// <param name="pageSize">The most events one page holds.</param>
    /// <param name="readPage">Reads one page of the (filtered) log in global order.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<RecordedEvent> ReadLogAsync(
        long afterPosition,
        long maxCount,
        int pageSize,
        PageReader readPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        ArgumentNullException.ThrowIfNull(readPage);
        var after = afterPosition;
        var remaining = maxCount;
        while (remaining > 0)
        {
            var limit = (int)Math.Min(remaining, pageSize);
            var page = await readPage(after, limit, cancellationToken).ConfigureAwait(false);
            foreach (var @event in page)
            {
                yield return @event;
            }

            if (page.Count < limit)
            {
                yield break;
            }

            remaining -= page.Count;
            after = page[^1].Position;
        }
    }

    /// <summary>
    /// The body of <see cref="IEventStore.SubscribeAsync"/>: reads the log after <paramref name="checkpoint"/> page by
    /// page, and once caught up waits for the next commit (or <paramref name="pollInterval"/>) before reading again.
    /// It relies on the adapter's guarantee that positions become visible in order. Woken by a commit, it takes the
    /// new events from <paramref name="recent"/> when that holds them, and reads the storage only when it does not (or
    /// after a wait that nothing signalled, which is how writers in other processes are found).
    /// </summary>
    /// <param name="checkpoint">The last position the subscriber has processed.</param>
    /// <param name="pageSize">The most events one page holds.</param>
    /// <param name="readPage">Reads one page of the (filtered) log in global order.</param>
    /// <param name="nextCommit">A task that completes at the next commit after the call; taken before each read, so a commit between the read and the wait still wakes the loop.</param>
    /// <param name="pollInterval">The longest wait without a commit signal, for writers the adapter is not told about.</param>
    /// <param name="timeProvider">The clock of that wait.</param>
    /// <param name="filter">The subscription's filter, which <paramref name="recent"/> applies (every event when null).</param>
    /// <param name="recent">The adapter's own latest commits, or null to always read the storage.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    public static async IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        long checkpoint,
        int pageSize,
        PageReader readPage,
        Func<Task> nextCommit,
        TimeSpan pollInterval,
        TimeProvider timeProvider,
        SubscriptionFilter? filter = null,
        IRecentCommits? recent = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(checkpoint);
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentNullException.ThrowIfNull(nextCommit);
        filter ??= SubscriptionFilter.All;

        // Everything up to `scanned` has been looked at: for a filtered subscription it runs ahead of the last event
        // delivered, so that a caught-up category subscription is served from the recent commits.
        var scanned = checkpoint;
        var signalled = false;
        while (true)
        {
            var commit = nextCommit();

            // Taken before the read: a short page (read from either source) has seen every event up to it.
            var reached = recent?.LastPosition ?? 0;
            if (!signalled || recent is null || !recent.TryRead(filter, scanned, pageSize, out var page))
            {
                page = await readPage(scanned, pageSize, cancellationToken).ConfigureAwait(false);
            }

            foreach (var @event in page)
            {
                yield return @event;
                scanned = Math.Max(scanned, @event.Position);
            }

            if (page.Count < pageSize)
            {
                scanned = Math.Max(scanned, reached);

                // A timeout only means nothing was signalled: look again either way, in the storage.
                await commit.WaitAsync(pollInterval, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
                signalled = commit.IsCompleted;
            }
        }
    }
}
