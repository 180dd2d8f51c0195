using System.Text;
using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

public abstract partial class EventStoreConformance<TFixture>
{
    [ConformanceFact]
    public async Task append_with_no_stream_creates_the_stream_at_revision_0()
    {
        var stream = TestEvents.UniqueStream();
        var result = await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(3));

        Assert.Equal(2, result.NextExpectedRevision);
        Assert.True(result.LogPosition > 0);
        var events = await ReadAll(stream);
        Assert.Equal([0L, 1L, 2L], events.Select(e => e.Revision));
        Assert.Equal(result.LogPosition, events[^1].Position);
    }

    [ConformanceFact]
    public async Task append_with_no_stream_fails_when_the_stream_exists()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(2));

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1)));

        Assert.Equal(ExpectedRevision.NoStream, error.Expected);
        Assert.Equal(1, error.Actual);
        Assert.Equal(stream, error.Stream);
        Assert.Equal(2, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task append_with_the_exact_revision_succeeds()
    {
        var stream = TestEvents.UniqueStream();
        var first = await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(2));
        var second = await Store.AppendAsync(stream, ExpectedRevision.Exact(first.NextExpectedRevision), TestEvents.Events(1, 2));

        Assert.Equal(2, second.NextExpectedRevision);
        Assert.True(second.LogPosition > first.LogPosition);
    }

    [ConformanceFact]
    public async Task append_with_stale_revision_fails_and_writes_nothing()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(3));

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Exact(1), TestEvents.Events(2)));

        Assert.Equal(ExpectedRevision.Exact(1), error.Expected);
        Assert.Equal(2, error.Actual);
        Assert.Equal(3, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task append_with_a_revision_ahead_of_the_stream_fails()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Exact(5), TestEvents.Events(1)));

        Assert.Equal(0, error.Actual);
    }

    [ConformanceFact]
    public async Task append_with_an_exact_revision_to_a_missing_stream_fails_with_no_stream()
    {
        var stream = TestEvents.UniqueStream();

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Exact(0), TestEvents.Events(1)));

        Assert.Equal(StreamRevision.None, error.Actual);
        Assert.Empty(await ReadAll(stream));
    }

    [ConformanceFact]
    public async Task append_with_stream_exists_succeeds_on_an_existing_stream()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));

        var result = await Store.AppendAsync(stream, ExpectedRevision.StreamExists, TestEvents.Events(2, 1));

        Assert.Equal(2, result.NextExpectedRevision);
    }

    [ConformanceFact]
    public async Task append_with_stream_exists_fails_on_a_missing_stream()
    {
        var stream = TestEvents.UniqueStream();

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.StreamExists, TestEvents.Events(1)));

        Assert.Equal(ExpectedRevision.StreamExists, error.Expected);
        Assert.Equal(StreamRevision.None, error.Actual);
        Assert.Empty(await ReadAll(stream));
    }

    [ConformanceFact]
    public async Task append_with_any_creates_and_extends_a_stream()
    {
        var stream = TestEvents.UniqueStream();

        var first = await Store.AppendAsync(stream, ExpectedRevision.Any, TestEvents.Events(1));
        var second = await Store.AppendAsync(stream, ExpectedRevision.Any, TestEvents.Events(2, 1));

        Assert.Equal(0, first.NextExpectedRevision);
        Assert.Equal(2, second.NextExpectedRevision);
    }

    [ConformanceFact]
    public async Task recorded_events_keep_id_type_data_metadata_and_a_utc_time()
    {
        var stream = TestEvents.UniqueStream();
        var sent = new EventToAppend(
            Guid.NewGuid(),
            "case.opened.v1",
            Encoding.UTF8.GetBytes("""{"name":"张三","size":3}"""),
            Encoding.UTF8.GetBytes("""{"actor":"s-01"}"""));
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);

        await Store.AppendAsync(stream, ExpectedRevision.NoStream, [sent]);
        var got = Assert.Single(await ReadAll(stream));

        Assert.Equal(stream, got.Stream);
        Assert.Equal(sent.EventId, got.EventId);
        Assert.Equal(sent.Type, got.Type);
        Assert.Equal(sent.Data.ToArray(), got.Data.ToArray());
        Assert.Equal(sent.Metadata.ToArray(), got.Metadata.ToArray());
        Assert.Equal(TimeSpan.Zero, got.Recorded.Offset);
        Assert.InRange(got.Recorded, before, DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [ConformanceFact]
    public async Task append_refuses_an_empty_batch()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, []));
    }

    [ConformanceFact]
    public async Task an_event_of_one_mebibyte_round_trips()
    {
        var stream = TestEvents.UniqueStream();
        var payload = new byte[1024 * 1024];
        payload.AsSpan().Fill((byte)'a');
        payload[0] = (byte)'"';
        payload[^1] = (byte)'"';
        var big = new EventToAppend(Guid.NewGuid(), "test.big.v1", payload, "{}"u8.ToArray());

        await Store.AppendAsync(stream, ExpectedRevision.NoStream, [big]);
        var got = Assert.Single(await ReadAll(stream));

        Assert.Equal(payload.Length, got.Data.Length);
        Assert.True(payload.AsSpan().SequenceEqual(got.Data.Span));
    }
}
