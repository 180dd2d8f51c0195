using System.Runtime.CompilerServices;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;

namespace Affairs.Stores.EventStoreDb;

public sealed partial class EventStoreDbEventStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        StreamName stream,
        ReadDirection direction,
        long fromRevision,
        long maxCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ReadRequests.Stream(stream, direction, fromRevision, maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        if (maxCount == 0)
        {
            yield break;
        }

        await foreach (var response in ReadAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (response.ContentCase == ReadResp.ContentOneofCase.StreamNotFound)
            {
                yield break;
            }

            if (response.ContentCase == ReadResp.ContentOneofCase.Event)
            {
                yield return RecordedEvents.TryFrom(response.Event)
                    ?? throw new InvalidDataException($"Stream '{stream}' returned an event of another stream.");
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        SubscriptionFilter filter,
        long afterPosition,
        long maxCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        // The read starts at the event at afterPosition and drops it, so it asks for one event more.
        var request = ReadRequests.All(filter, afterPosition, afterPosition == 0 || maxCount == long.MaxValue ? maxCount : maxCount + 1);
        cancellationToken.ThrowIfCancellationRequested();
        if (maxCount == 0)
        {
            yield break;
        }

        long delivered = 0;
        await foreach (var response in ReadAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (RecordedEvents.After(response, afterPosition) is { } @event)
            {
                yield return @event;
                if (++delivered == maxCount)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// The responses to <paramref name="request"/>. Until the first response the call may go again to another node (a
    /// read is safe to repeat); a failure after it ends the read with the port's exception, and the next call finds the node again.
    /// </summary>
    private async IAsyncEnumerable<ReadResp> ReadAsync(ReadReq request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (node, call, more) = await _router.CallAsync(
            async (node, options) =>
            {
                var call = node.Streams.Read(request, options);
                try
                {
                    return (node, call, await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false));
                }
                catch
                {
                    call.Dispose();
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
        using (call)
        {
            while (more)
            {
                yield return call.ResponseStream.Current;
                more = await _router.ContinueAsync(node, () => call.ResponseStream.MoveNext(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
