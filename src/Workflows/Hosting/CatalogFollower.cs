using Affairs.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// Keeps every <see cref="IFollowedCatalog"/> of this host up to date with what any host appends: one catch-up
/// subscription per category (these streams are small, so each starts from the beginning of its category and the
/// catalogs skip what they already hold), handing each event to the catalogs of its category. When the store cannot be
/// reached it waits (1 s, doubling to 30 s) and resubscribes from the last event it handed on, warning once per outage
/// (one warning for all categories); any other failure is an error, and it resubscribes after a second.
/// </summary>
public sealed partial class CatalogFollower(IEventStore store, IEnumerable<IFollowedCatalog> catalogs, TimeProvider time, ILogger<CatalogFollower> logger)
    : BackgroundService
{
    /// <summary>When an outage was last warned of (a timestamp of the clock), or null before the first.</summary>
    private long? _warned;
    private readonly Lock _warning = new();

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalogs
            .GroupBy(c => c.Category, StringComparer.Ordinal)
            .Select(g => FollowAsync(g.Key, [.. g], stoppingToken)));

    private async Task FollowAsync(string category, IReadOnlyList<IFollowedCatalog> followers, CancellationToken stoppingToken)
    {
        var filter = SubscriptionFilter.ForCategory(category);
        long checkpoint = 0;
        var outage = new StoreOutage(time);
        while (!stoppingToken.IsCancellationRequested)
        {
            outage.Subscribing();
            try
            {
                await foreach (var recorded in store.SubscribeAsync(filter, checkpoint, stoppingToken).ConfigureAwait(false))
                {
                    foreach (var catalog in followers)
                    {
                        await catalog.FollowAsync(recorded, stoppingToken).ConfigureAwait(false);
                    }

                    checkpoint = recorded.Position;
                }
            }
            catch (EventStoreUnavailableException unavailable)
            {
                var wait = outage.Unavailable();
                if (outage.Attempts == 1 && FirstToNotice())
                {
                    LogUnavailable(unavailable.Message);
                }
                else
                {
                    LogStillUnavailable(category, outage.Attempts, wait.TotalSeconds);
                }

                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogFailed(category, failure);
                await Task.Delay(outage.Failed(), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether no other category has warned of this outage: every category's subscription meets the same one.</summary>
    private bool FirstToNotice()
    {
        lock (_warning)
        {
            if (_warned is { } warned && time.GetElapsedTime(warned) < StoreOutage.Recovered)
            {
                return false;
            }

            _warned = time.GetTimestamp();
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the {Category} streams failed; resubscribing")]
    private partial void LogFailed(string category, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event store cannot be reached ({Reason}); the catalogs keep what they hold and catch up when it answers again")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The event store still cannot be reached for the {Category} streams after {Attempts} attempts; next in {Seconds} s")]
    private partial void LogStillUnavailable(string category, int attempts, double seconds);
}
