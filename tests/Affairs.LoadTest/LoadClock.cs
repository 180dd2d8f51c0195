using System.Diagnostics;

namespace Affairs.LoadTest;

/// <summary>
/// The run's bounds: a warm-up, then the measured window, and a cap on the number of requests in all; given a
/// <paramref name="rate"/>, the clients together start no more requests per second than that.
/// </summary>
internal sealed class LoadClock(TimeSpan warmUp, TimeSpan duration, long maxRequests, double? rate = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _requests;
    private long _paced;

    /// <summary>Whether a request starting now falls in the measured window.</summary>
    public bool Measuring => _clock.Elapsed >= warmUp;

    /// <summary>Whether another request may start; counts it.</summary>
    public bool MayStart() => _clock.Elapsed < warmUp + duration && Interlocked.Increment(ref _requests) <= maxRequests;

    /// <summary>Waits, when the clock is paced, until the next request is due: the n-th is due n / rate seconds from the start.</summary>
    public ValueTask PaceAsync()
    {
        if (rate is not { } perSecond)
        {
            return ValueTask.CompletedTask;
        }

        var wait = TimeSpan.FromSeconds(Interlocked.Increment(ref _paced) / perSecond) - _clock.Elapsed;
        return wait > TimeSpan.Zero ? new ValueTask(Task.Delay(wait)) : ValueTask.CompletedTask;
    }

    /// <summary>How long the measured window lasted so far.</summary>
    public TimeSpan Measured => _clock.Elapsed > warmUp ? _clock.Elapsed - warmUp : TimeSpan.Zero;
}
