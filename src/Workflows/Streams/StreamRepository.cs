using Affairs.Domain.Events;
using Affairs.EventStore;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Streams;

/// <summary>
/// Loads streams through the store port and folds them, and appends new events chained to the last one. Event ids
/// derive from the command's idempotency key where it has one (and from the event's content), so a retried append of
/// the same events is an idempotent append.
/// </summary>
public sealed partial class StreamRepository(IEventStore store, EventCodec codec, IIdSource ids, CommitPositions? commits = null)
{
    private readonly StreamSnapshots _snapshots = new();

    /// <summary>The store underneath, for readers that need the raw log.</summary>
    public IEventStore Store => store;

    /// <summary>The codec used to decode events.</summary>
    public EventCodec Codec => codec;

    /// <summary>Reads and folds a stream, up to and including <paramref name="upToRevision"/> and events recorded no later than <paramref name="upTo"/>.</summary>
    public async Task<LoadedStream<TState>> LoadAsync<TState>(
        StreamName stream,
        IStateFold<TState> fold,
        long upToRevision = long.MaxValue,
        DateTimeOffset? upTo = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fold);
        return await FoldAsync(LoadedStream<TState>.Empty(stream, fold.Initial), fold, upToRevision, upTo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads and folds what was appended to a stream after the state this repository last kept of it, for a command
    /// about to decide: the state, revision and last hash are complete, but <see cref="LoadedStream{TState}.Events"/>
    /// holds only the events this call read.
    /// </summary>
    internal async Task<LoadedStream<TState>> LoadLatestAsync<TState>(StreamName stream, IStateFold<TState> fold, CancellationToken cancellationToken)
    {
        var kept = _snapshots.Find(fold, stream.Value) ?? LoadedStream<TState>.Empty(stream, fold.Initial);
        var loaded = await FoldAsync(kept, fold, long.MaxValue, null, cancellationToken).ConfigureAwait(false);
        if (loaded.Revision != kept.Revision)
        {
            _snapshots.Keep(fold, loaded);
        }

        return loaded;
    }

    private async Task<LoadedStream<TState>> FoldAsync<TState>(LoadedStream<TState> from, IStateFold<TState> fold, long upToRevision, DateTimeOffset? upTo, CancellationToken cancellationToken)
    {
        var stream = from.Stream;
        var state = from.State;
        var revision = from.Revision;
        var hash = from.LastHash;
        var outcomes = from.Outcomes;
        var events = new List<DecodedEvent>();
        await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Forwards, revision + 1, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (recorded.Revision > upToRevision || (upTo is { } limit && recorded.Recorded > limit))
            {
                break;
            }

            var decoded = codec.Decode(recorded);
            state = fold.Apply(state, decoded.Event);
            revision = recorded.Revision;
            hash = decoded.Hash;
            if (decoded.Metadata is { IdempotencyKey: { Length: > 0 } key, PayloadHash: { } payloadHash, Answer: { } answer } metadata)
            {
                outcomes = outcomes.SetItem(KeyedOutcome.Id(metadata.ActorId, key), new KeyedOutcome(payloadHash, answer, recorded.Revision));
            }

            events.Add(decoded);
        }

        return new LoadedStream<TState>(stream, state, revision, hash, events) { Outcomes = outcomes };
    }

    /// <summary>Appends <paramref name="events"/> after what <paramref name="loaded"/> read, chained to its last hash.</summary>
    /// <param name="loaded">The stream as read.</param>
    /// <param name="events">The new events.</param>
    /// <param name="metadata">The metadata of every event.</param>
    /// <param name="cancellationToken">Stops the append before it is sent.</param>
    /// <param name="lastMetadata">The metadata of the last event, where it carries more (a keyed command's outcome).</param>
    /// <exception cref="WrongExpectedRevisionException">Someone appended since the stream was read.</exception>
    public async Task<AppendResult> AppendAsync<TState>(
        LoadedStream<TState> loaded,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken = default,
        EventMetadata? lastMetadata = null) =>
        (await AppendChainedAsync(loaded, events, metadata, cancellationToken, lastMetadata).ConfigureAwait(false)).Result;

    private async Task<Written> AppendChainedAsync<TState>(
        LoadedStream<TState> loaded,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken,
        EventMetadata? lastMetadata)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metadata);
        var previous = loaded.LastHash;
        var encoded = new List<EventToAppend>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var keyed = metadata.IdempotencyKey is { Length: > 0 } key;
            var (@event, hash) = codec.Encode(keyed ? Guid.Empty : ids.NewId(), events[i], i == events.Count - 1 ? lastMetadata ?? metadata : metadata, previous);
            encoded.Add(keyed ? @event with { EventId = DerivedId(loaded.Stream, metadata.IdempotencyKey!, loaded.Revision + 1 + i, hash) } : @event);
            previous = hash;
        }

        var result = await store.AppendAsync(loaded.Stream, loaded.Expected, encoded, cancellationToken).ConfigureAwait(false);
        commits?.Committed(result.LogPosition);
        return new Written(result, encoded, previous);
    }

    /// <summary>
    /// The stream after this process appended <paramref name="written"/> to <paramref name="loaded"/>: the events folded as
    /// a later read would decode them from their bytes, so the state is the one a reload would give.
    /// </summary>
    private LoadedStream<TState> Appended<TState>(LoadedStream<TState> loaded, IStateFold<TState> fold, Written written, string? key, EventMetadata? last)
    {
        var state = loaded.State;
        foreach (var @event in written.Events)
        {
            state = fold.Apply(state, codec.DecodeWritten(@event));
        }

        var revision = loaded.Revision + written.Events.Count;
        var outcomes = key is not null && last is { PayloadHash: { } payloadHash, Answer: { } answer }
            ? loaded.Outcomes.SetItem(key, new KeyedOutcome(payloadHash, answer, revision))
            : loaded.Outcomes;
        return new LoadedStream<TState>(loaded.Stream, state, revision, written.LastHash, []) { Outcomes = outcomes };
    }

    /// <summary>What an append wrote: the store's answer, the events as encoded, and the last one's chain hash.</summary>
    private sealed record Written(AppendResult Result, IReadOnlyList<EventToAppend> Events, string LastHash);

    /// <summary>
    /// The id of a keyed command's event: the same key on the same stream at the same revision with the same content
    /// (the chain hash, which covers the event, its metadata and all before it) always gives the same id, which is what
    /// lets the store recognise a retried append of it and write nothing. A duplicate decided again (at another time, on
    /// another host) differs in content, so its ids differ too: instead of being taken for the first one, whose content
    /// the store does not compare, its append is refused, and it reads the first one's answer from the stream.
    /// </summary>
    private static Guid DerivedId(StreamName stream, string key, long revision, string chainHash) =>
        NameBasedId.From($"{stream}\n{key}\n{revision}\n{chainHash}");
}
