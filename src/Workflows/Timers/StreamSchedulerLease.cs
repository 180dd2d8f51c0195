using Affairs.Domain.Events;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.Events;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Timers.Events;

namespace Affairs.Workflows.Timers;

/// <summary>
/// The scheduler lease on a store without one of its own (see <see cref="ISchedulerLeaseSource"/>), as stream
/// <c>scheduler-lease</c> in the log: the <see cref="StreamLease"/> protocol written as <see cref="SchedulerLeaseAcquired"/>,
/// <see cref="SchedulerLeaseRenewed"/> and <see cref="SchedulerLeaseReleased"/>, chained like every stream of the log
/// (the expiry is written for operators).
/// </summary>
/// <remarks>
/// <para>Growth: with the default 10 s lease the stream gains one small event every 6 s, about 14,000 a day, whatever
/// the centre does. They stay in the log: the port truncates nothing, and the ledger covers every event, so truncating
/// the stream (EventStoreDB's <c>$maxCount</c> and scavenging) would show as events missing. Projections and the feed
/// skip them. Renewing less often would need a longer lease, and the takeover must come within 15 s.</para>
/// </remarks>
public sealed class StreamSchedulerLease : StreamLease
{
    private static readonly EventMetadata Metadata = new("scheduler-lease", "scheduler-lease", Actor.System.Id, null);

    private readonly IEventStore _store;
    private readonly EventCodec _codec;
    private readonly IIdSource _ids;

    /// <summary>The chain hash of the lease stream's event at a revision: the last one this host read or wrote.</summary>
    private (long Revision, string Hash) _last = (StreamRevision.None, string.Empty);

    /// <summary>Creates the lease of host <paramref name="holderId"/>, held for <paramref name="duration"/> past each write.</summary>
    public StreamSchedulerLease(IEventStore store, EventCodec codec, IIdSource ids, TimeProvider time, string holderId, TimeSpan duration)
        : base(holderId, duration, time)
    {
        _store = store;
        _codec = codec;
        _ids = ids;
    }

    /// <summary>The lease stream.</summary>
    public static StreamName Stream { get; } = new("scheduler-lease");

    /// <inheritdoc />
    protected override async Task<WrittenLease?> ReadLastAsync(CancellationToken cancellationToken)
    {
        await foreach (var recorded in _store.ReadStreamAsync(Stream, ReadDirection.Backwards, StreamRevision.End, 1, cancellationToken).ConfigureAwait(false))
        {
            var last = _codec.Decode(recorded);
            _last = (recorded.Revision, last.Hash);
            return last.Event switch
            {
                SchedulerLeaseAcquired acquired => new WrittenLease(recorded.Revision, LeaseWrite.Acquired, acquired.Holder),
                SchedulerLeaseRenewed renewed => new WrittenLease(recorded.Revision, LeaseWrite.Renewed, renewed.Holder),
                SchedulerLeaseReleased gone => new WrittenLease(recorded.Revision, LeaseWrite.Released, gone.Holder),
                _ => new WrittenLease(recorded.Revision, LeaseWrite.Released, null),
            };
        }

        return null;
    }

    /// <inheritdoc />
    protected override async Task<bool> AppendAsync(LeaseWrite write, long revision, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        object leaseEvent = write switch
        {
            LeaseWrite.Acquired => new SchedulerLeaseAcquired(HolderId, at, expiresAt!.Value),
            LeaseWrite.Renewed => new SchedulerLeaseRenewed(HolderId, at, expiresAt!.Value),
            _ => new SchedulerLeaseReleased(HolderId, at),
        };
        var previousHash = _last.Revision == revision
            ? _last.Hash
            : throw new InvalidOperationException($"The lease was to write after revision {revision}, but the last event it knows is at {_last.Revision}.");
        var (encoded, hash) = _codec.Encode(_ids.NewId(), leaseEvent, Metadata, previousHash);
        var expected = revision == StreamRevision.None ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision);
        try
        {
            await _store.AppendAsync(Stream, expected, [encoded], cancellationToken).ConfigureAwait(false);
        }
        catch (WrongExpectedRevisionException)
        {
            return false;
        }

        _last = (revision + 1, hash);
        return true;
    }
}
