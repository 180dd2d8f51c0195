using System.Runtime.CompilerServices;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;

namespace Affairs.Stores.EventStoreDb;

public sealed partial class EventStoreDbEventStore
{
    private static readonly TimeSpan MaxResubscribeDelay = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    /// <remarks>
    /// A catch-up subscription to <c>$all</c> with a server-side filter (a category is a stream-name prefix). The server
    /// delivers the past, says it has caught up, then pushes live events. When the node becomes unreachable or ends the
    /// call, the adapter subscribes again after the last event it delivered, waiting longer after each failure; on a cluster
    /// to the member found next (the new leader after a failover). Positions are the same on every member, and events at
    /// or before the last one delivered are dropped, so the caller sees nothing twice and misses nothing.
    /// </remarks>
    public async IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        SubscriptionFilter filter,
        long checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var last = checkpoint;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var responses = ReadAsync(ReadRequests.Subscription(filter, last), cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (await NextAsync(responses).ConfigureAwait(false))
                {
                    if (RecordedEvents.After(responses.Current, last) is { } @event)
                    {
                        last = @event.Position;
                        failures = 0;
                        yield return @event;
                    }
                }
            }
            finally
            {
                await responses.DisposeAsync().ConfigureAwait(false);
            }

            failures++;
            await Task.Delay(ResubscribeDelay(failures), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long to wait before subscribing again after <paramref name="failures"/> failures in a row: 0.1 s doubling up to 5 s.</summary>
    internal static TimeSpan ResubscribeDelay(int failures) =>
        RetryBackoff.After(failures, TimeSpan.FromMilliseconds(100), MaxResubscribeDelay);

    /// <summary>The next response, or false when the call ended or the node went away (which a new subscription survives).</summary>
    private static async Task<bool> NextAsync(IAsyncEnumerator<ReadResp> responses)
    {
        try
        {
            return await responses.MoveNextAsync().ConfigureAwait(false);
        }
        catch (EventStoreUnavailableException)
        {
            return false;
        }
    }
}
