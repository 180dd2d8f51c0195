using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class UuidsTests
{
    private static readonly Guid Known = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");

    [Fact]
    public void an_id_is_sent_as_the_big_endian_halves_of_its_rfc_4122_bytes()
    {
        var wire = Uuids.ToWire(Known);

        Assert.Equal(UUID.ValueOneofCase.Structured, wire.ValueCase);
        Assert.Equal(0x0011223344556677L, wire.Structured.MostSignificantBits);
        Assert.Equal(unchecked((long)0x8899aabbccddeeffUL), wire.Structured.LeastSignificantBits);
    }

    [Fact]
    public void structured_and_string_ids_read_back_as_the_same_guid()
    {
        var random = Guid.NewGuid();

        Assert.Equal(random, Uuids.FromWire(Uuids.ToWire(random)));
        Assert.Equal(Known, Uuids.FromWire(new UUID { String = "00112233-4455-6677-8899-aabbccddeeff" }));
    }

    [Fact]
    public void an_event_without_an_id_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => Uuids.FromWire(new UUID()));
        Assert.Throws<InvalidDataException>(() => Uuids.FromWire(null));
    }
}
