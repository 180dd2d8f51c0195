namespace Affairs.EventStore;

/// <summary>Exponential backoff for adapters that reconnect on their own (subscriptions, notification listeners).</summary>
public static class RetryBackoff
{
    /// <summary>The wait after <paramref name="failures"/> failures in a row: <paramref name="first"/>, doubling each time, never above <paramref name="max"/>.</summary>
    /// <param name="failures">Failures in a row, at least 1 (less counts as 1).</param>
    /// <param name="first">The wait after the first failure.</param>
    /// <param name="max">The longest wait.</param>
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        var delay = first * (1L << Math.Clamp(failures - 1, 0, 16));
        return delay < max ? delay : max;
    }
}
