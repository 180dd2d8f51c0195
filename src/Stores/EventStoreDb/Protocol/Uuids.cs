using System.Buffers.Binary;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>
/// Event ids on the wire: EventStoreDB's <c>UUID</c> message, structured as the two big-endian halves of the RFC 4122
/// bytes (Java's most/least significant bits), or as a string.
/// </summary>
internal static class Uuids
{
    public static UUID ToWire(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return new UUID
        {
            Structured = new UUID.Types.Structured
            {
                MostSignificantBits = BinaryPrimitives.ReadInt64BigEndian(bytes),
                LeastSignificantBits = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]),
            },
        };
    }

    public static Guid FromWire(UUID? uuid)
    {
        switch (uuid?.ValueCase)
        {
            case UUID.ValueOneofCase.Structured:
                Span<byte> bytes = stackalloc byte[16];
                BinaryPrimitives.WriteInt64BigEndian(bytes, uuid.Structured.MostSignificantBits);
                BinaryPrimitives.WriteInt64BigEndian(bytes[8..], uuid.Structured.LeastSignificantBits);
                return new Guid(bytes, bigEndian: true);
            case UUID.ValueOneofCase.String:
                return Guid.Parse(uuid.String, System.Globalization.CultureInfo.InvariantCulture);
            default:
                throw new InvalidDataException("An event arrived without an id.");
        }
    }
}
