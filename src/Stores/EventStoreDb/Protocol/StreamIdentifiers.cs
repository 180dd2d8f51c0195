using System.Text;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Google.Protobuf;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>Stream names on the wire: UTF-8 bytes.</summary>
internal static class StreamIdentifiers
{
    public static StreamIdentifier ToWire(StreamName stream) =>
        new() { StreamName = ByteString.CopyFromUtf8(stream.Value) };

    /// <summary>The name as text; null when absent.</summary>
    public static string? FromWire(StreamIdentifier? identifier) =>
        identifier is null ? null : Encoding.UTF8.GetString(identifier.StreamName.Span);
}
