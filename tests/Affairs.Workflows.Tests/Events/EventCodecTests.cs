using System.Text;
using System.Text.Json.Nodes;
using Affairs.Domain.Events;
using Affairs.EventStore;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Tests.Events;

public sealed class EventCodecTests
{
    private static readonly EventMetadata Metadata = new("corr-1", "cmd-1", "s-01", null);

    [Fact]
    public void an_event_round_trips_under_its_stable_name_not_its_clr_name()
    {
        var codec = Codec();
        var (stored, hash) = codec.Encode(Guid.NewGuid(), new NoteAddedV2("c-1", "看过了", "s-01"), Metadata, string.Empty);

        var decoded = codec.Decode(Recorded(stored, 0));

        Assert.Equal("test.note-added.v2", stored.Type);
        Assert.Equal(new NoteAddedV2("c-1", "看过了", "s-01"), decoded.Event);
        Assert.Equal(hash, decoded.Hash);
        Assert.Equal(Metadata, decoded.Metadata);
    }

    [Fact]
    public void a_v1_event_is_read_back_as_v2_through_its_upcaster_and_the_stored_bytes_are_untouched()
    {
        var codec = Codec();
        var v1 = new EventToAppend(Guid.NewGuid(), "test.note-added.v1", """{"caseId":"c-1","text":"旧的"}"""u8.ToArray(), """{"correlationId":"x","causationId":"y","actorId":"s-02"}"""u8.ToArray());
        var recorded = Recorded(v1, 0);

        var decoded = codec.Decode(recorded);

        Assert.Equal("test.note-added.v2", decoded.TypeName);
        Assert.Equal(new NoteAddedV2("c-1", "旧的", "unknown"), decoded.Event);
        Assert.Equal("test.note-added.v1", decoded.Recorded.Type);
        Assert.Equal(v1.Data.ToArray(), decoded.Recorded.Data.ToArray());
    }

    [Fact]
    public void the_same_event_and_metadata_always_encode_to_the_same_bytes()
    {
        var id = Guid.NewGuid();
        var a = Codec().Encode(id, new NoteAddedV2("c-1", "x", "s-01"), Metadata, "prev");
        var b = Codec().Encode(id, new NoteAddedV2("c-1", "x", "s-01"), Metadata, "prev");

        Assert.Equal(a.Event.Data.ToArray(), b.Event.Data.ToArray());
        Assert.Equal(a.Event.Metadata.ToArray(), b.Event.Metadata.ToArray());
        Assert.Equal(a.Hash, b.Hash);
    }

    [Fact]
    public void each_hash_covers_the_previous_one()
    {
        var codec = Codec();
        var first = codec.Encode(Guid.NewGuid(), new NoteAddedV2("c-1", "a", "s-01"), Metadata, string.Empty);
        var second = codec.Encode(Guid.NewGuid(), new NoteAddedV2("c-1", "b", "s-01"), Metadata, first.Hash);
        var secondAfterOther = codec.Encode(second.Event.EventId, new NoteAddedV2("c-1", "b", "s-01"), Metadata, "0000");

        Assert.NotEqual(second.Hash, secondAfterOther.Hash);
        Assert.Equal((second.Hash, second.Hash), EventCodec.Rehash(Recorded(second.Event, 1), first.Hash));
    }

    [Fact]
    public void changing_one_byte_of_data_or_metadata_breaks_the_hash()
    {
        var (stored, _) = Codec().Encode(Guid.NewGuid(), new NoteAddedV2("c-1", "abc", "s-01"), Metadata, string.Empty);
        var data = stored.Data.ToArray();
        data[Array.IndexOf(data, (byte)'a')] = (byte)'A';
        var metadata = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(stored.Metadata.Span).Replace("s-01", "s-09", StringComparison.Ordinal));

        var (recomputedData, sealedData) = EventCodec.Rehash(Recorded(stored with { Data = data }, 0), string.Empty);
        var (recomputedMeta, sealedMeta) = EventCodec.Rehash(Recorded(stored with { Metadata = metadata }, 0), string.Empty);

        Assert.NotEqual(sealedData, recomputedData);
        Assert.NotEqual(sealedMeta, recomputedMeta);
    }

    [Theory]
    [InlineData("test.note-added.v2", "{\"caseId\":")]
    [InlineData("test.note-added.v2", "null")]
    [InlineData("test.note-added.v2", "{\"caseId\":5}")]
    [InlineData("test.note-added.v1", "[1,2]")]
    public void stored_data_that_does_not_read_as_its_type_names_the_event_not_its_bytes(string type, string data)
    {
        var stored = new EventToAppend(Guid.NewGuid(), type, Encoding.UTF8.GetBytes(data), """{"correlationId":"x","causationId":"y","actorId":"s-02"}"""u8.ToArray());

        var unreadable = Assert.Throws<StoredEventUnreadableException>(() => Codec().Decode(Recorded(stored, 3)));

        Assert.Equal(("case-c1", 3L, 4L, type), (unreadable.Stream, unreadable.Revision, unreadable.Position, unreadable.Type));
        Assert.DoesNotContain(data, unreadable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_duplicate_type_name_is_refused_at_start_up()
    {
        var registry = new EventTypeRegistry();
        registry.Register("test.x.v1", typeof(NoteAddedV2));

        Assert.Throws<InvalidOperationException>(() => registry.Register("test.x.v1", typeof(string)));
    }

    private static EventCodec Codec()
    {
        var registry = new EventTypeRegistry();
        registry.Register("test.note-added.v2", typeof(NoteAddedV2));
        return new EventCodec(registry, [new NoteAddedUpcaster()]);
    }

    private static RecordedEvent Recorded(EventToAppend e, long revision) =>
        new(new StreamName("case-c1"), revision, revision + 1, e.EventId, e.Type, e.Data, e.Metadata, DateTimeOffset.UnixEpoch);

    public sealed record NoteAddedV2(string CaseId, string Text, string Author);

    private sealed class NoteAddedUpcaster : IEventUpcaster
    {
        public string FromType => "test.note-added.v1";

        public string ToType => "test.note-added.v2";

        public JsonObject Upcast(JsonObject data)
        {
            data["author"] = "unknown";
            return data;
        }
    }
}
