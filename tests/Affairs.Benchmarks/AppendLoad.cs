using System.Diagnostics;

namespace Affairs.Benchmarks;

/// <summary>
/// The append workload every store is measured with: each caller works like a case, a new stream, then five more
/// events one append at a time, then the next stream.
/// </summary>
internal static class AppendLoad
{
    public const int EventsPerStream = 6;

    /// <summary>Runs <paramref name="callers"/> concurrent callers for <paramref name="duration"/>; returns events per second.</summary>
    /// <param name="callers">Concurrent callers.</param>
    /// <param name="duration">How long to run.</param>
    /// <param name="append">Appends one event: the stream id and the step (0 creates the stream).</param>
    public static async Task<double> RunAsync(int callers, TimeSpan duration, Func<string, int, Task> append)
    {
        long appended = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var count = 0L;
            while (clock.Elapsed < duration)
            {
                var stream = Guid.NewGuid().ToString("N");
                for (var step = 0; step < EventsPerStream && clock.Elapsed < duration; step++)
                {
                    await append(stream, step);
                    count++;
                }
            }

            Interlocked.Add(ref appended, count);
        })));
        return appended / clock.Elapsed.TotalSeconds;
    }
}
