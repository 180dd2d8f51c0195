using System.Globalization;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Google.Protobuf;
using WireEvent = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadResp.Types.ReadEvent.Types.RecordedEvent;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class RecordedEventsTests
{
    private static readonly Guid Id = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private static ReadResp Response(string stream = "case-7f3a", ulong offset = 1200, Action<WireEvent>? change = null)
    {
        var wire = new WireEvent
        {
            Id = Uuids.ToWire(Id),
            StreamIdentifier = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8(stream) },
            StreamRevision = 6,
            CommitPosition = offset,
            PreparePosition = offset,
            Metadata =
            {
                ["type"] = "case.opened.v1",
                ["content-type"] = "application/json",
                ["created"] = (Created - DateTimeOffset.UnixEpoch).Ticks.ToString(CultureInfo.InvariantCulture),
            },
            CustomMetadata = ByteString.CopyFromUtf8("""{"actor":"s-01"}"""),
            Data = ByteString.CopyFromUtf8("""{"size":3}"""),
        };
        change?.Invoke(wire);
        return new ReadResp { Event = new ReadResp.Types.ReadEvent { Event = wire, CommitPosition = offset } };
    }

    [Fact]
    public void a_read_event_becomes_a_recorded_event_with_every_field()
    {
        var recorded = RecordedEvents.TryFrom(Response().Event);

        Assert.NotNull(recorded);
        Assert.Equal(new StreamName("case-7f3a"), recorded.Stream);
        Assert.Equal(6, recorded.Revision);
        Assert.Equal(1201, recorded.Position);
        Assert.Equal(Id, recorded.EventId);
        Assert.Equal("case.opened.v1", recorded.Type);
        Assert.Equal("""{"size":3}""", System.Text.Encoding.UTF8.GetString(recorded.Data.Span));
        Assert.Equal("""{"actor":"s-01"}""", System.Text.Encoding.UTF8.GetString(recorded.Metadata.Span));
    }

    [Fact]
    public void the_recorded_time_is_the_created_ticks_since_the_unix_epoch_in_utc()
    {
        var recorded = RecordedEvents.TryFrom(Response().Event)!;

        Assert.Equal(Created, recorded.Recorded);
        Assert.Equal(TimeSpan.Zero, recorded.Recorded.Offset);
    }

    [Theory]
    [InlineData("$statistics-127.0.0.1:2113")]
    [InlineData("$$case-7f3a")]
    [InlineData("orders")]
    [InlineData("orders-")]
    public void events_of_streams_that_are_not_category_id_are_left_out(string stream)
    {
        Assert.Null(RecordedEvents.TryFrom(Response(stream).Event));
    }

    [Fact]
    public void an_event_without_type_or_created_time_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => RecordedEvents.TryFrom(Response(change: e => e.Metadata.Remove("type")).Event));
        Assert.Throws<InvalidDataException>(() => RecordedEvents.TryFrom(Response(change: e => e.Metadata.Remove("created")).Event));
        Assert.Throws<InvalidDataException>(() => RecordedEvents.TryFrom(Response(change: e => e.Metadata["created"] = "yesterday").Event));
    }

    [Fact]
    public void a_read_after_a_position_drops_the_event_at_that_position_and_before()
    {
        Assert.Null(RecordedEvents.After(Response(offset: 1200), 1201));
        Assert.Null(RecordedEvents.After(Response(offset: 1100), 1201));
        Assert.Equal(1301, RecordedEvents.After(Response(offset: 1300), 1201)?.Position);
        Assert.Equal(1, RecordedEvents.After(Response(offset: 0), 0)?.Position);
    }

    [Theory]
    [InlineData("confirmation")]
    [InlineData("checkpoint")]
    [InlineData("caught-up")]
    [InlineData("fell-behind")]
    [InlineData("stream-not-found")]
    [InlineData("last-stream-position")]
    [InlineData("last-all-stream-position")]
    public void confirmations_checkpoints_and_notices_deliver_nothing(string content)
    {
        var response = content switch
        {
            "confirmation" => new ReadResp { Confirmation = new ReadResp.Types.SubscriptionConfirmation { SubscriptionId = "s-1" } },
            "checkpoint" => new ReadResp { Checkpoint = new ReadResp.Types.Checkpoint { CommitPosition = 5000, PreparePosition = 5000 } },
            "caught-up" => new ReadResp { CaughtUp = new ReadResp.Types.CaughtUp() },
            "fell-behind" => new ReadResp { FellBehind = new ReadResp.Types.FellBehind() },
            "stream-not-found" => new ReadResp { StreamNotFound = new ReadResp.Types.StreamNotFound() },
            "last-stream-position" => new ReadResp { LastStreamPosition = 9 },
            _ => new ReadResp { LastAllStreamPosition = new AllStreamPosition { CommitPosition = 1, PreparePosition = 1 } },
        };

        Assert.NotEqual(ReadResp.ContentOneofCase.None, response.ContentCase);
        Assert.Null(RecordedEvents.After(response, 0));
    }
}
