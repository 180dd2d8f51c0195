using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Google.Protobuf;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>The messages of one <c>Streams.Append</c> call: the options first, then one proposed message per event.</summary>
internal static class AppendRequests
{
    public static AppendReq Options(StreamName stream, ExpectedRevision expected) => Options(StreamIdentifiers.ToWire(stream), expected);

    /// <summary>The options for a stream named on the wire, such as one no port stream name can name (the lease's, a metadata stream).</summary>
    public static AppendReq Options(StreamIdentifier stream, ExpectedRevision expected)
    {
        var options = new AppendReq.Types.Options { StreamIdentifier = stream };
        if (expected.IsAny)
        {
            options.Any = new Empty();
        }
        else if (expected.IsNoStream)
        {
            options.NoStream = new Empty();
        }
        else if (expected.IsStreamExists)
        {
            options.StreamExists = new Empty();
        }
        else
        {
            options.Revision = (ulong)expected.Value;
        }

        return new AppendReq { Options = options };
    }

    public static AppendReq Message(EventToAppend @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return new AppendReq
        {
            ProposedMessage = new AppendReq.Types.ProposedMessage
            {
                Id = Uuids.ToWire(@event.EventId),
                Metadata =
                {
                    [SystemMetadata.Type] = @event.Type,
                    [SystemMetadata.ContentType] = SystemMetadata.Json,
                },
                CustomMetadata = ByteString.CopyFrom(@event.Metadata.Span),
                Data = ByteString.CopyFrom(@event.Data.Span),
            },
        };
    }
}
