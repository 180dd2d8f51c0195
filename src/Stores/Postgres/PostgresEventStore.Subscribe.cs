using Affairs.EventStore;

namespace Affairs.Stores.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Positions are assigned under the log-head lock, which each append transaction holds until it has committed, so
    /// they become visible in order and reading "after the last position seen" can never skip one. When caught up the
    /// subscription waits for a NOTIFY (sent at commit by any process) or this store's own writer, and looks again
    /// every <see cref="PostgresEventStoreOptions.FallbackPollInterval"/> in case a notification was lost.
    /// </remarks>
    public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _listener.EnsureStarted();
        return EventPages.SubscribeAsync(
            checkpoint, _options.ReadPageSize, LogPages(filter), () => _signal.Next, _options.FallbackPollInterval, _options.TimeProvider, filter, cancellationToken: cancellationToken);
    }
}
