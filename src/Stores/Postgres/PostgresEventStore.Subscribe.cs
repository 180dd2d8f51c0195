using System.Runtime.CompilerServices;
using Affairs.Domain.EventStore;

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
    public async IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        SubscriptionFilter filter,
        long checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(checkpoint);
        _listener.EnsureStarted();
        var after = checkpoint;
        while (true)
        {
            // Taken before the read: a commit that lands between the read and the wait still wakes us.
            var next = _signal.Next;
            var page = await ReadLogPageAsync(filter, after, _options.ReadPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var @event in page)
            {
                yield return @event;
                after = @event.Position;
            }

            if (page.Count < _options.ReadPageSize)
            {
                ObjectDisposedException.ThrowIf(_disposed != 0, this);
                await next.WaitAsync(_options.FallbackPollInterval, _options.TimeProvider, cancellationToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
