using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

public abstract partial class EventStoreConformance<TFixture>
{
    [ConformanceFact]
    public async Task retry_with_the_same_exact_revision_and_ids_writes_nothing_and_returns_the_first_result()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(2));
        var batch = TestEvents.Events(3, 2);

        var first = await Store.AppendAsync(stream, ExpectedRevision.Exact(1), batch);
        var retry = await Store.AppendAsync(stream, ExpectedRevision.Exact(1), batch);

        Assert.Equal(first, retry);
        Assert.Equal(5, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task retry_with_no_stream_and_the_same_ids_writes_nothing()
    {
        var stream = TestEvents.UniqueStream();
        var batch = TestEvents.Events(2);

        var first = await Store.AppendAsync(stream, ExpectedRevision.NoStream, batch);
        var retry = await Store.AppendAsync(stream, ExpectedRevision.NoStream, batch);

        Assert.Equal(first, retry);
        Assert.Equal(2, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task retry_after_another_writer_appended_is_still_recognised_at_its_place()
    {
        var stream = TestEvents.UniqueStream();
        var batch = TestEvents.Events(2);
        var first = await Store.AppendAsync(stream, ExpectedRevision.NoStream, batch);
        await Store.AppendAsync(stream, ExpectedRevision.Exact(1), TestEvents.Events(1, 2));

        var retry = await Store.AppendAsync(stream, ExpectedRevision.NoStream, batch);

        Assert.Equal(first, retry);
        Assert.Equal(3, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task retry_with_any_right_after_the_first_append_writes_nothing()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));
        var batch = TestEvents.Events(2, 1);

        var first = await Store.AppendAsync(stream, ExpectedRevision.Any, batch);
        var retry = await Store.AppendAsync(stream, ExpectedRevision.Any, batch);

        Assert.Equal(first, retry);
        Assert.Equal(3, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task retry_with_stream_exists_right_after_the_first_append_writes_nothing()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));
        var batch = TestEvents.Events(1, 1);

        var first = await Store.AppendAsync(stream, ExpectedRevision.StreamExists, batch);
        var retry = await Store.AppendAsync(stream, ExpectedRevision.StreamExists, batch);

        Assert.Equal(first, retry);
        Assert.Equal(2, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task a_partial_match_at_the_expected_revision_is_a_conflict()
    {
        var stream = TestEvents.UniqueStream();
        var batch = TestEvents.Events(2);
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, batch);

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.NoStream, [batch[0], TestEvents.Event()]));

        Assert.Equal(1, error.Actual);
        Assert.Equal(2, (await ReadAll(stream)).Count);
    }

    [ConformanceFact]
    public async Task the_same_ids_with_an_exact_revision_elsewhere_are_a_conflict_not_a_retry()
    {
        var stream = TestEvents.UniqueStream();
        var batch = TestEvents.Events(1);
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, batch);
        await Store.AppendAsync(stream, ExpectedRevision.Exact(0), TestEvents.Events(2, 1));

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Exact(1), batch));

        Assert.Equal(2, error.Actual);
        Assert.Equal(3, (await ReadAll(stream)).Count);
    }
}
