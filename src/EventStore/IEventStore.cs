namespace Affairs.EventStore;

/// <summary>
/// The event-store port: append, read and subscribe, with EventStoreDB's semantics, so that every adapter
/// (embedded SQLite, PostgreSQL, EventStoreDB) behaves alike. The shared conformance suite pins this contract.
/// </summary>
/// <remarks>
/// <para><b>Streams.</b> Named <c>category-id</c>; see <see cref="StreamName"/>. Revisions are 0-based; a stream with no
/// events is at <see cref="StreamRevision.None"/>. Streams are never deleted and events never change.</para>
/// <para><b>Atomicity.</b> An append writes all of its events or none, whatever happens to the process.</para>
/// <para><b>Concurrency.</b> The expected revision is checked and the events written in one atomic step, so of two
/// writers expecting the same revision exactly one wins; the other gets <see cref="WrongExpectedRevisionException"/>.</para>
/// <para><b>Idempotent retries.</b> An append is a retry of an earlier one when its event ids are already in the stream
/// at the place the append would put them. A retry succeeds, writes nothing and returns the original revision and
/// position. Precisely:</para>
/// <list type="bullet">
/// <item><description>expected <see cref="ExpectedRevision.Exact"/> <c>r</c> (or <see cref="ExpectedRevision.NoStream"/>,
/// taken as <c>r = -1</c>): idempotent when the stream's events at <c>r+1 … r+n</c> carry the batch's ids in order.
/// Where only some of them match, or ids match elsewhere, it is a <see cref="WrongExpectedRevisionException"/>.</description></item>
/// <item><description><see cref="ExpectedRevision.Any"/> and <see cref="ExpectedRevision.StreamExists"/>: idempotent
/// when the stream's last <c>n</c> events carry the batch's ids in order (the retry came before anyone else appended).
/// Otherwise the batch is appended again, as new events.</description></item>
/// </list>
/// <para>Event ids are not checked for uniqueness across streams, nor against older parts of a stream: that would
/// need an index on a random key, which costs every append.</para>
/// <para><b>Global order.</b> Every event has a global position, at least 1; positions strictly increase in the order the
/// events become visible. An adapter must never make position <c>p</c> visible to readers while a lower position can
/// still commit later: a reader that has seen <c>p</c> must never afterwards find a new event below <c>p</c>.
/// (PostgreSQL sequences hand out numbers that commit out of order; its adapter must hold back positions above any
/// transaction still in flight.) Positions may have gaps. Catch-up subscriptions rely on this to deliver every
/// committed event exactly once.</para>
/// <para><b>Faults.</b> A store that cannot be reached (file locked past its busy timeout or unusable, server down,
/// connection refused or dropped, deadline exceeded) fails any method with <see cref="EventStoreUnavailableException"/>,
/// the driver's exception inside; no driver exception type leaves an adapter. A subscription that reconnects on its own
/// may instead keep trying until cancelled.</para>
/// <para><b>Reads</b> are streamed: nothing loads a whole stream or log into memory. Reading a stream that does not
/// exist yields nothing.</para>
/// </remarks>
public interface IEventStore
{
    /// <summary>Appends <paramref name="events"/> to <paramref name="stream"/> if <paramref name="expected"/> holds.</summary>
    /// <returns>The stream's new revision and the global position of the last event.</returns>
    /// <exception cref="WrongExpectedRevisionException">The expectation did not hold; nothing was written.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached; the append may or may not have been written, and a retry with the same event ids is idempotent.</exception>
    Task<AppendResult> AppendAsync(
        StreamName stream,
        ExpectedRevision expected,
        IReadOnlyList<EventToAppend> events,
        CancellationToken cancellationToken = default);

    /// <summary>Reads one stream from <paramref name="fromRevision"/> (inclusive) in <paramref name="direction"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="direction">Forwards, or backwards (use <see cref="StreamRevision.End"/> to start at the last event).</param>
    /// <param name="fromRevision">The first revision to return, inclusive.</param>
    /// <param name="maxCount">The most events to return.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        StreamName stream,
        ReadDirection direction,
        long fromRevision,
        long maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>Reads the log forwards, in global order, from after <paramref name="afterPosition"/> (0 reads from the start).</summary>
    /// <param name="filter"><see cref="SubscriptionFilter.All"/> for <c>$all</c>, or one category.</param>
    /// <param name="afterPosition">The last position already seen; events strictly after it are returned.</param>
    /// <param name="maxCount">The most events to return.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        SubscriptionFilter filter,
        long afterPosition,
        long maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A catch-up subscription: every event that passes <paramref name="filter"/>, after <paramref name="checkpoint"/>,
    /// exactly once and in global order; first the past, then live events as they are committed. The sequence ends
    /// only when <paramref name="cancellationToken"/> is cancelled. It waits for notifications rather than polling
    /// where the adapter can be notified.
    /// </summary>
    /// <param name="filter">Which events to deliver.</param>
    /// <param name="checkpoint">The last position the subscriber has processed; 0 starts from the beginning.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        SubscriptionFilter filter,
        long checkpoint,
        CancellationToken cancellationToken = default);
}
