using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Options = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadReq.Types.Options;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>The <c>Streams.Read</c> requests: a stream read, a filtered <c>$all</c> read, a catch-up subscription to <c>$all</c>.</summary>
internal static class ReadRequests
{
    public static ReadReq Stream(StreamName stream, ReadDirection direction, long fromRevision, long maxCount) =>
        Stream(StreamIdentifiers.ToWire(stream), direction, fromRevision, maxCount);

    /// <summary>A read of a stream named on the wire, such as one no port stream name can name (the lease's).</summary>
    public static ReadReq Stream(StreamIdentifier stream, ReadDirection direction, long fromRevision, long maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var options = new Options.Types.StreamOptions { StreamIdentifier = stream };
        if (direction == ReadDirection.Backwards && fromRevision == StreamRevision.End)
        {
            options.End = new Empty();
        }
        else
        {
            options.Revision = (ulong)fromRevision;
        }

        var request = Common(direction);
        request.Options.Stream = options;
        request.Options.Count = (ulong)maxCount;
        request.Options.NoFilter = new Empty();
        return request;
    }

    /// <summary>Reads <c>$all</c> forwards from the event at <paramref name="afterPosition"/> (which the reader drops), <paramref name="count"/> events.</summary>
    public static ReadReq All(SubscriptionFilter filter, long afterPosition, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var request = Common(ReadDirection.Forwards);
        request.Options.All = Positions.StartAfter(afterPosition);
        request.Options.Count = (ulong)count;
        request.Options.Filter = StreamFilters.For(filter);
        return request;
    }

    /// <summary>A catch-up subscription to <c>$all</c>: the past from the event at <paramref name="checkpoint"/>, then live events.</summary>
    public static ReadReq Subscription(SubscriptionFilter filter, long checkpoint)
    {
        var request = Common(ReadDirection.Forwards);
        request.Options.All = Positions.StartAfter(checkpoint);
        request.Options.Subscription = new Options.Types.SubscriptionOptions();
        request.Options.Filter = StreamFilters.For(filter);
        return request;
    }

    private static ReadReq Common(ReadDirection direction) => new()
    {
        Options = new Options
        {
            ReadDirection = direction == ReadDirection.Forwards ? Options.Types.ReadDirection.Forwards : Options.Types.ReadDirection.Backwards,
            ResolveLinks = false,
            UuidOption = new Options.Types.UUIDOption { Structured = new Empty() },
        },
    };
}
