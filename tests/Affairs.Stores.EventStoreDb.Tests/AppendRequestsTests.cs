using System.Text;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Expected = Affairs.Stores.EventStoreDb.Protocol.Grpc.AppendReq.Types.Options.ExpectedStreamRevisionOneofCase;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class AppendRequestsTests
{
    private static readonly StreamName Stream = new("case-7f3a");

    [Theory]
    [InlineData("any", nameof(Expected.Any))]
    [InlineData("no-stream", nameof(Expected.NoStream))]
    [InlineData("stream-exists", nameof(Expected.StreamExists))]
    [InlineData("exact", nameof(Expected.Revision))]
    public void each_expected_revision_fills_its_own_oneof_case(string expectation, string wire)
    {
        var expected = expectation switch
        {
            "any" => ExpectedRevision.Any,
            "no-stream" => ExpectedRevision.NoStream,
            "stream-exists" => ExpectedRevision.StreamExists,
            _ => ExpectedRevision.Exact(41),
        };

        var options = AppendRequests.Options(Stream, expected).Options;

        Assert.Equal(Enum.Parse<Expected>(wire), options.ExpectedStreamRevisionCase);
        Assert.Equal("case-7f3a", options.StreamIdentifier.StreamName.ToStringUtf8());
    }

    [Fact]
    public void an_exact_revision_travels_as_the_revision_number()
    {
        Assert.Equal(41UL, AppendRequests.Options(Stream, ExpectedRevision.Exact(41)).Options.Revision);
        Assert.Equal(0UL, AppendRequests.Options(Stream, ExpectedRevision.Exact(0)).Options.Revision);
    }

    [Fact]
    public void the_options_come_first_as_their_own_message()
    {
        Assert.Equal(AppendReq.ContentOneofCase.Options, AppendRequests.Options(Stream, ExpectedRevision.Any).ContentCase);
    }

    [Fact]
    public void an_event_carries_type_and_json_content_type_in_metadata_and_our_metadata_as_custom_metadata()
    {
        var @event = new EventToAppend(
            Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"),
            "case.opened.v1",
            Encoding.UTF8.GetBytes("""{"size":3}"""),
            Encoding.UTF8.GetBytes("""{"actor":"s-01"}"""));

        var request = AppendRequests.Message(@event);

        Assert.Equal(AppendReq.ContentOneofCase.ProposedMessage, request.ContentCase);
        var message = request.ProposedMessage;
        Assert.Equal(@event.EventId, Uuids.FromWire(message.Id));
        Assert.Equal("case.opened.v1", message.Metadata["type"]);
        Assert.Equal("application/json", message.Metadata["content-type"]);
        Assert.Equal(2, message.Metadata.Count);
        Assert.Equal("""{"size":3}""", message.Data.ToStringUtf8());
        Assert.Equal("""{"actor":"s-01"}""", message.CustomMetadata.ToStringUtf8());
    }
}
