using System.Diagnostics;

namespace Affairs.LoadTest;

/// <summary>The run's bounds: a warm-up, then the measured window, and a cap on the number of requests in all.</summary>
internal sealed class LoadClock(TimeSpan warmUp, TimeSpan duration, long maxRequests)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _requests;

    /// <summary>Whether a request starting now falls in the measured window.</summary>
    public bool Measuring => _clock.Elapsed >= warmUp;

    /// <summary>Whether another request may start; counts it.</summary>
    public bool MayStart() => _clock.Elapsed < warmUp + duration && Interlocked.Increment(ref _requests) <= maxRequests;

    /// <summary>How long the measured window lasted so far.</summary>
    public TimeSpan Measured => _clock.Elapsed > warmUp ? _clock.Elapsed - warmUp : TimeSpan.Zero;
}
