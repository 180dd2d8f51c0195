namespace Affairs.EventStore;

/// <summary>
/// How a host standing by tells that the holder of a lease kept as a stream went silent: the stream has stood at one
/// revision for a whole lease duration, as this host has watched it on its own monotonic clock. It compares what it read
/// with what it read before rather than trusting the holder's written expiry, so that clocks that disagree, or are set
/// meanwhile, neither steal a live lease nor delay the takeover of a dead one.
/// </summary>
public sealed class LeaseWatch
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;
    private (long Revision, long Since)? _seen;

    /// <summary>A watch that calls a holder silent after <paramref name="duration"/> without a write.</summary>
    public LeaseWatch(TimeProvider time, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _time = time;
        _duration = duration;
    }

    /// <summary>
    /// Whether the stream, read now at <paramref name="revision"/>, has stood there for a whole lease duration since
    /// this watch first saw it there; a revision not seen before starts the watch again.
    /// </summary>
    public bool StoodStill(long revision)
    {
        if (_seen is not { } seen || seen.Revision != revision)
        {
            _seen = (revision, _time.GetTimestamp());
            return false;
        }

        return _time.GetElapsedTime(seen.Since) >= _duration;
    }

    /// <summary>Forgets what was seen (another host just wrote, or this one took the lease): the next read starts over.</summary>
    public void Forget() => _seen = null;
}
