using Affairs.EventStore;

namespace Affairs.Stores.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Positions are assigned by the single writer inside its write lock, so they become visible in order and the
    /// subscription can never skip one. When caught up it waits for the writer's commit notification and takes that
    /// commit's events from memory (<see cref="CommittedTail"/>); it also reads the file again every
    /// <see cref="SqliteEventStoreOptions.ExternalWritePollInterval"/> for writers in other processes.
    /// </remarks>
    public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EventPages.SubscribeAsync(
            checkpoint,
            _options.ReadPageSize,
            LogPages(filter),
            () => _notifier.NextCommit,
            _options.ExternalWritePollInterval,
            _options.TimeProvider,
            filter,
            _tail,
            cancellationToken);
    }
}
