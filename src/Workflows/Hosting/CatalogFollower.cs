using Affairs.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// Keeps every <see cref="IFollowedCatalog"/> of this host up to date with what any host appends: one catch-up
/// subscription to all their categories together (these streams are small, so it starts from the beginning and the
/// catalogs skip what they already hold; one subscription rather than one per category, so a commit wakes it once),
/// handing each event to the catalogs of its category. When the store cannot be reached it waits (1 s, doubling to
/// 30 s) and resubscribes from the last event it handed on, warning once per outage; any other failure is an error,
/// and it resubscribes after a second.
/// </summary>
public sealed partial class CatalogFollower(IEventStore store, IEnumerable<IFollowedCatalog> catalogs, TimeProvider time, ILogger<CatalogFollower> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var followers = catalogs
            .GroupBy(c => c.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        if (followers.Count == 0)
        {
            return;
        }

        var filter = SubscriptionFilter.ForCategories(followers.Keys);
        long checkpoint = 0;
        await StoreOutage.ResubscribeAsync(time, FollowAsync, LogUnavailable, LogStillUnavailable, failure => LogFailed(filter.ToString(), failure), stoppingToken)
            .ConfigureAwait(false);

        async Task FollowAsync(CancellationToken cancellationToken)
        {
            await foreach (var recorded in store.SubscribeAsync(filter, checkpoint, cancellationToken).ConfigureAwait(false))
            {
                foreach (var catalog in followers.GetValueOrDefault(recorded.Stream.Category, []))
                {
                    await catalog.FollowAsync(recorded, cancellationToken).ConfigureAwait(false);
                }

                checkpoint = recorded.Position;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the {Categories} streams failed; resubscribing")]
    private partial void LogFailed(string categories, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event store cannot be reached ({Reason}); the catalogs keep what they hold and catch up when it answers again")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The event store still cannot be reached for the catalogs after {Attempts} attempts; next in {Seconds} s")]
    private partial void LogStillUnavailable(int attempts, double seconds);
}
