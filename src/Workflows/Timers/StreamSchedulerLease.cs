using Affairs.Domain.Events;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.Events;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Timers.Events;

namespace Affairs.Workflows.Timers;

/// <summary>
/// The scheduler lease on a store without one of its own (see <see cref="ISchedulerLeaseSource"/>), as stream <c>scheduler-lease</c>:
/// the holder appends <see cref="SchedulerLeaseAcquired"/>, then <see cref="SchedulerLeaseRenewed"/> every half lease
/// duration, then <see cref="SchedulerLeaseReleased"/> when it stops, each at the revision it last wrote, so that of
/// two hosts racing for it the store's revision check lets exactly one win. Another host takes the lease when the
/// last event is a release, or when the stream has not moved for a whole lease duration by that host's own clock: it
/// compares what it read with what it read before, on its monotonic clock, rather than the holder's written expiry, so
/// that clocks that disagree, or are set meanwhile, neither steal a live lease nor delay the takeover of a dead one.
/// (The expiry is written for operators.)
/// </summary>
/// <remarks>
/// <para>A renewal that conflicts means another host took the lease over (this one was silent too long): it answers
/// not held. A renewal that fails for any other reason also answers not held at once (by throwing); the next attempt
/// reads the stream and takes the lease straight back if no one else took it meanwhile.</para>
/// <para>Growth: with the default 10 s lease the stream gains one small event every 6 s, about 14,000 a day, whatever
/// the centre does. They stay in the log: the port truncates nothing, and the ledger covers every event, so truncating
/// the stream (EventStoreDB's <c>$maxCount</c> and scavenging) would show as events missing. Projections and the feed
/// skip them. Renewing less often would need a longer lease, and the takeover must come within 15 s.</para>
/// </remarks>
public sealed class StreamSchedulerLease : ISchedulerLease
{
    private static readonly EventMetadata Metadata = new("scheduler-lease", "scheduler-lease", Actor.System.Id, null);

    private readonly IEventStore _store;
    private readonly EventCodec _codec;
    private readonly IIdSource _ids;
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;
    private long _revision = StreamRevision.None;
    private string _hash = string.Empty;
    private long _writtenAt;
    private bool _held;
    private (long Revision, long Since)? _seen;

    /// <summary>Creates the lease of host <paramref name="holderId"/>, held for <paramref name="duration"/> past each write.</summary>
    public StreamSchedulerLease(IEventStore store, EventCodec codec, IIdSource ids, TimeProvider time, string holderId, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _store = store;
        _codec = codec;
        _ids = ids;
        _time = time;
        _duration = duration;
        HolderId = holderId;
    }

    /// <summary>The lease stream.</summary>
    public static StreamName Stream { get; } = new("scheduler-lease");

    /// <inheritdoc />
    public string HolderId { get; }

    /// <inheritdoc />
    public async Task<LeaseState> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        if (_held)
        {
            return await RenewAsync(cancellationToken).ConfigureAwait(false);
        }

        DecodedEvent? last = null;
        await foreach (var recorded in _store.ReadStreamAsync(Stream, ReadDirection.Backwards, StreamRevision.End, 1, cancellationToken).ConfigureAwait(false))
        {
            last = _codec.Decode(recorded);
        }

        if (last is null)
        {
            return await TakeAsync(StreamRevision.None, string.Empty, cancellationToken).ConfigureAwait(false);
        }

        var (holder, released) = last.Event switch
        {
            SchedulerLeaseAcquired acquired => (acquired.Holder, false),
            SchedulerLeaseRenewed renewed => (renewed.Holder, false),
            SchedulerLeaseReleased gone => (gone.Holder, true),
            _ => (null, true),
        };
        var revision = last.Recorded.Revision;
        return released || holder == HolderId || Expired(revision)
            ? await TakeAsync(revision, last.Hash, cancellationToken).ConfigureAwait(false)
            : new LeaseState(false, holder);
    }

    /// <inheritdoc />
    public async Task<LeaseState> RenewAsync(CancellationToken cancellationToken = default)
    {
        if (!_held)
        {
            return new LeaseState(false, null);
        }

        if (_time.GetElapsedTime(_writtenAt) < _duration / 2)
        {
            return new LeaseState(true, HolderId);
        }

        var now = _time.GetUtcNow();
        try
        {
            await AppendAsync(new SchedulerLeaseRenewed(HolderId, now, now + _duration), _revision, _hash, cancellationToken).ConfigureAwait(false);
            return new LeaseState(true, HolderId);
        }
        catch (WrongExpectedRevisionException)
        {
            _held = false;
            _seen = null;
            return new LeaseState(false, null);
        }
        catch
        {
            _held = false;
            throw;
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (!_held)
        {
            return;
        }

        _held = false;
        try
        {
            await AppendAsync(new SchedulerLeaseReleased(HolderId, _time.GetUtcNow()), _revision, _hash, cancellationToken).ConfigureAwait(false);
        }
        catch (WrongExpectedRevisionException)
        {
            // Someone took it over already: there is nothing left to give up.
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Whether the stream has stood at <paramref name="revision"/> for a whole lease duration, as this host has watched it.</summary>
    private bool Expired(long revision)
    {
        if (_seen is not { } seen || seen.Revision != revision)
        {
            _seen = (revision, _time.GetTimestamp());
            return false;
        }

        return _time.GetElapsedTime(seen.Since) >= _duration;
    }

    private async Task<LeaseState> TakeAsync(long revision, string hash, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            await AppendAsync(new SchedulerLeaseAcquired(HolderId, now, now + _duration), revision, hash, cancellationToken).ConfigureAwait(false);
            _held = true;
            return new LeaseState(true, HolderId);
        }
        catch (WrongExpectedRevisionException)
        {
            // Another host appended first: it won.
            _seen = null;
            return new LeaseState(false, null);
        }
    }

    private async Task AppendAsync(object leaseEvent, long revision, string previousHash, CancellationToken cancellationToken)
    {
        var (encoded, hash) = _codec.Encode(_ids.NewId(), leaseEvent, Metadata, previousHash);
        var expected = revision == StreamRevision.None ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision);
        var written = await _store.AppendAsync(Stream, expected, [encoded], cancellationToken).ConfigureAwait(false);
        _revision = written.NextExpectedRevision;
        _hash = hash;
        _writtenAt = _time.GetTimestamp();
    }
}
