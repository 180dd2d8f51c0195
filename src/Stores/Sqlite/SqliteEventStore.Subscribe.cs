using System.Runtime.CompilerServices;
using Affairs.Domain.EventStore;

namespace Affairs.Stores.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Positions are assigned by the single writer inside its write lock, so they become visible in order and the
    /// subscription can never skip one. When caught up it waits for the writer's commit notification; it also looks
    /// again every <see cref="SqliteEventStoreOptions.ExternalWritePollInterval"/> for writers in other processes.
    /// </remarks>
    public async IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        SubscriptionFilter filter,
        long checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(checkpoint);
        var after = checkpoint;
        while (true)
        {
            // Taken before the read: a commit that lands between the read and the wait still wakes us.
            var nextCommit = _notifier.NextCommit;
            var page = ReadLogPage(filter, after, _options.ReadPageSize, cancellationToken);
            foreach (var @event in page)
            {
                yield return @event;
                after = @event.Position;
            }

            if (page.Count < _options.ReadPageSize)
            {
                ObjectDisposedException.ThrowIf(_disposed != 0, this);
                await WaitForCommit(nextCommit, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForCommit(Task nextCommit, CancellationToken cancellationToken)
    {
        try
        {
            await nextCommit.WaitAsync(_options.ExternalWritePollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nothing committed here in the interval; look once for writes from another process.
        }
    }
}
