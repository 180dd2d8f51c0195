using Affairs.EventStore;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// The outage a resubscribing background loop is in: how many times in a row the store could not be reached, and how
/// long to wait before the next attempt (1 s, doubling to 30 s). A subscription that ran <see cref="Recovered"/> before
/// failing again counts as recovered, so its next failure starts a new outage.
/// </summary>
internal sealed class StoreOutage(TimeProvider time)
{
    /// <summary>The wait after the first failure, and after any failure that is not an outage.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    /// <summary>How long a subscription must have run for its next failure to be a new outage.</summary>
    public static readonly TimeSpan Recovered = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private long _subscribed;

    /// <summary>Failures in a row of this outage; 1 at its first, 0 when not in one.</summary>
    public int Attempts { get; private set; }

    /// <summary>Notes that the loop (re)subscribes now.</summary>
    public void Subscribing() => _subscribed = time.GetTimestamp();

    /// <summary>Counts a failure to reach the store; returns the wait before the next attempt.</summary>
    public TimeSpan Unavailable()
    {
        Attempts = time.GetElapsedTime(_subscribed) >= Recovered ? 1 : Attempts + 1;
        return RetryBackoff.After(Attempts, FirstRetry, LongestRetry);
    }

    /// <summary>Ends the outage count after a failure of another kind; returns the wait before resubscribing.</summary>
    public TimeSpan Failed()
    {
        Attempts = 0;
        return FirstRetry;
    }

    /// <summary>
    /// The loop of a resubscribing background service: runs <paramref name="run"/> until stopped, and again after each
    /// failure. When the store cannot be reached it waits (1 s, doubling to 30 s), telling <paramref name="unavailable"/>
    /// of an outage's first failure and <paramref name="stillUnavailable"/> of the later ones (attempts, seconds to the
    /// next); any other failure goes to <paramref name="failed"/>, and it runs again after a second.
    /// </summary>
    public static async Task ResubscribeAsync(
        TimeProvider time,
        Func<CancellationToken, Task> run,
        Action<string> unavailable,
        Action<int, double> stillUnavailable,
        Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        var outage = new StoreOutage(time);
        while (!stoppingToken.IsCancellationRequested)
        {
            outage.Subscribing();
            try
            {
                await run(stoppingToken).ConfigureAwait(false);
            }
            catch (EventStoreUnavailableException error)
            {
                var wait = outage.Unavailable();
                if (outage.Attempts == 1)
                {
                    unavailable(error.Message);
                }
                else
                {
                    stillUnavailable(outage.Attempts, wait.TotalSeconds);
                }

                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                failed(failure);
                await Task.Delay(outage.Failed(), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
