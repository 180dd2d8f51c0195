namespace Affairs.EventStore;

/// <summary>
/// A scheduler lease kept as a stream written with an expected revision, whatever stream and store it is written to.
/// The holder writes <see cref="LeaseWrite.Acquired"/>, then <see cref="LeaseWrite.Renewed"/> once half the lease duration
/// has passed since its last write, then <see cref="LeaseWrite.Released"/> when it stops, each at the revision it last
/// wrote, so that of two hosts racing for it the store's revision check lets exactly one win. A host standing by takes
/// the lease when the last write is a release, or when the stream has stood still for a whole lease duration by its own
/// clock (<see cref="LeaseWatch"/>). A holder whose renewal is refused learns that another host took over; a renewal
/// that fails for any other reason answers not held at once (by throwing), and the next attempt reads the stream and
/// takes the lease straight back if no one else took it meanwhile.
/// </summary>
/// <remarks>Subclasses say how the stream is read and written; one caller at a time per instance, as for every lease.</remarks>
public abstract class StreamLease : ISchedulerLease
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;
    private readonly LeaseWatch _watch;
    private long _revision = StreamRevision.None;
    private long _writtenAt;
    private bool _held;

    /// <summary>The lease of host <paramref name="holderId"/>, held for <paramref name="duration"/> past each write.</summary>
    protected StreamLease(string holderId, TimeSpan duration, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        ArgumentNullException.ThrowIfNull(time);
        HolderId = holderId;
        _duration = duration;
        _time = time;
        _watch = new LeaseWatch(time, duration);
    }

    /// <summary>What a write to the lease stream says.</summary>
    public enum LeaseWrite
    {
        /// <summary>The writer took the lease.</summary>
        Acquired,

        /// <summary>The holder is alive and still holds it.</summary>
        Renewed,

        /// <summary>The holder gave it up: any host may take it at once.</summary>
        Released,
    }

    /// <inheritdoc />
    public string HolderId { get; }

    /// <inheritdoc />
    public async Task<LeaseState> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        if (_held)
        {
            return await RenewAsync(cancellationToken).ConfigureAwait(false);
        }

        var last = await ReadLastAsync(cancellationToken).ConfigureAwait(false);
        if (last is not { } written)
        {
            return await TakeAsync(StreamRevision.None, cancellationToken).ConfigureAwait(false);
        }

        return written.Write == LeaseWrite.Released || written.Holder == HolderId || _watch.StoodStill(written.Revision)
            ? await TakeAsync(written.Revision, cancellationToken).ConfigureAwait(false)
            : new LeaseState(false, written.Holder);
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

        try
        {
            _held = await WriteAsync(LeaseWrite.Renewed, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _held = false;
            throw;
        }

        // Refused: another host took the lease over while this one was silent too long.
        return _held ? new LeaseState(true, HolderId) : new LeaseState(false, null);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (!_held)
        {
            return;
        }

        _held = false;

        // Refused means someone took it over already: there is nothing left to give up.
        await WriteAsync(LeaseWrite.Released, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The last write in the lease stream; null when the stream has none.</summary>
    protected abstract Task<WrittenLease?> ReadLastAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="write"/> by this host right after <paramref name="revision"/> (<see cref="StreamRevision.None"/>:
    /// to a stream that does not exist yet); false when the store refuses it because the stream is no longer there.
    /// </summary>
    /// <param name="write">What the write says.</param>
    /// <param name="revision">The revision it must follow.</param>
    /// <param name="at">When, by this host's clock.</param>
    /// <param name="expiresAt">Until when this host holds the lease without renewing (null for a release); for operators.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    protected abstract Task<bool> AppendAsync(LeaseWrite write, long revision, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    private async Task<LeaseState> TakeAsync(long revision, CancellationToken cancellationToken)
    {
        _watch.Forget();
        _revision = revision;
        _held = await WriteAsync(LeaseWrite.Acquired, cancellationToken).ConfigureAwait(false);

        // Refused: another host appended first and won.
        return _held ? new LeaseState(true, HolderId) : new LeaseState(false, null);
    }

    private async Task<bool> WriteAsync(LeaseWrite write, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var written = await AppendAsync(write, _revision, now, write == LeaseWrite.Released ? null : now + _duration, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            _revision++;
            _writtenAt = _time.GetTimestamp();
        }
        else
        {
            _watch.Forget();
        }

        return written;
    }

    /// <summary>One write found in the lease stream.</summary>
    /// <param name="Revision">Its revision.</param>
    /// <param name="Write">What it says.</param>
    /// <param name="Holder">Who wrote it.</param>
    protected readonly record struct WrittenLease(long Revision, LeaseWrite Write, string? Holder);
}
