using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

public abstract partial class EventStoreConformance<TFixture>
{
    [ConformanceFact]
    public async Task reading_a_missing_stream_yields_nothing()
    {
        Assert.Empty(await ReadAll(TestEvents.UniqueStream()));
        Assert.Empty(await Store.ReadStreamAsync(TestEvents.UniqueStream(), ReadDirection.Backwards, StreamRevision.End, 10).ToListAsync());
    }

    [ConformanceFact]
    public async Task a_stream_reads_forwards_from_a_revision_with_a_maximum_count()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(10));

        var events = await Store.ReadStreamAsync(stream, ReadDirection.Forwards, 3, 4).ToListAsync();

        Assert.Equal([3L, 4L, 5L, 6L], events.Select(e => e.Revision));
    }

    [ConformanceFact]
    public async Task a_stream_reads_backwards_from_the_end_and_from_a_revision()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(10));

        var fromEnd = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, StreamRevision.End, 3).ToListAsync();
        var fromFive = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, 5, 100).ToListAsync();

        Assert.Equal([9L, 8L, 7L], fromEnd.Select(e => e.Revision));
        Assert.Equal([5L, 4L, 3L, 2L, 1L, 0L], fromFive.Select(e => e.Revision));
        Assert.True(fromEnd.Zip(fromEnd.Skip(1)).All(p => p.First.Position > p.Second.Position));
    }

    [ConformanceFact]
    public async Task a_read_of_zero_events_yields_nothing()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(2));

        Assert.Empty(await Store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, 0).ToListAsync());
    }

    [ConformanceFact]
    public async Task the_whole_log_reads_in_commit_order_across_streams()
    {
        var start = await TestEvents.MarkAsync(Store);
        var category = TestEvents.UniqueCategory();
        var streams = Enumerable.Range(0, 3).Select(_ => TestEvents.UniqueStream(category)).ToArray();
        var sent = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var @event = TestEvents.Event(index: i);
            await Store.AppendAsync(streams[i % 3], ExpectedRevision.Any, [@event]);
            sent.Add(@event.EventId);
        }

        var log = await Store.ReadAllAsync(SubscriptionFilter.All, start, long.MaxValue, Timeout()).ToListAsync();
        var ours = log.Where(e => e.Stream.Category == category).ToList();

        Assert.Equal(sent, ours.Select(e => e.EventId));
        Assert.True(log.Zip(log.Skip(1)).All(p => p.Second.Position > p.First.Position));
        Assert.All(log, e => Assert.True(e.Position > start));
    }

    [ConformanceFact]
    public async Task the_whole_log_reads_from_a_position_with_a_maximum_count()
    {
        var start = await TestEvents.MarkAsync(Store);
        var category = TestEvents.UniqueCategory();
        await Store.AppendAsync(TestEvents.UniqueStream(category), ExpectedRevision.NoStream, TestEvents.Events(5));

        var page = await Store.ReadAllAsync(SubscriptionFilter.ForCategory(category), start, 2).ToListAsync();
        var rest = await Store.ReadAllAsync(SubscriptionFilter.ForCategory(category), page[^1].Position, 10).ToListAsync();

        Assert.Equal([0L, 1L], page.Select(e => e.Revision));
        Assert.Equal([2L, 3L, 4L], rest.Select(e => e.Revision));
    }

    [ConformanceFact]
    public async Task a_category_reads_only_its_streams_in_global_order()
    {
        var category = TestEvents.UniqueCategory();
        var other = TestEvents.UniqueCategory();
        var a = TestEvents.UniqueStream(category);
        var b = TestEvents.UniqueStream(category);
        await Store.AppendAsync(a, ExpectedRevision.Any, TestEvents.Events(1));
        await Store.AppendAsync(TestEvents.UniqueStream(other), ExpectedRevision.Any, TestEvents.Events(1));
        await Store.AppendAsync(b, ExpectedRevision.Any, TestEvents.Events(2));
        await Store.AppendAsync(a, ExpectedRevision.Any, TestEvents.Events(1));

        var events = await Store.ReadAllAsync(SubscriptionFilter.ForCategory(category), 0, long.MaxValue).ToListAsync();

        Assert.Equal([a, b, b, a], events.Select(e => e.Stream));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Position > p.First.Position));
    }

    [ConformanceFact]
    public async Task a_filter_of_several_categories_reads_the_events_of_any_of_them_in_log_order()
    {
        var first = TestEvents.UniqueCategory();
        var second = TestEvents.UniqueCategory();
        var a = TestEvents.UniqueStream(first);
        var b = TestEvents.UniqueStream(second);
        await Store.AppendAsync(a, ExpectedRevision.Any, TestEvents.Events(1));
        await Store.AppendAsync(TestEvents.UniqueStream(TestEvents.UniqueCategory()), ExpectedRevision.Any, TestEvents.Events(2));
        await Store.AppendAsync(b, ExpectedRevision.Any, TestEvents.Events(1));
        await Store.AppendAsync(a, ExpectedRevision.Any, TestEvents.Events(1));

        var events = await Store.ReadAllAsync(SubscriptionFilter.ForCategories([second, first]), 0, long.MaxValue).ToListAsync();

        Assert.Equal([a, b, a], events.Select(e => e.Stream));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Position > p.First.Position));
    }

    [ConformanceFact]
    public async Task a_category_is_the_text_before_the_first_dash()
    {
        var category = TestEvents.UniqueCategory();
        var stream = new StreamName($"{category}-part-with-dashes");
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));

        var events = await Store.ReadAllAsync(SubscriptionFilter.ForCategory(category), 0, long.MaxValue).ToListAsync();

        Assert.Equal(stream, Assert.Single(events).Stream);
    }

    [ConformanceFact]
    public async Task a_stream_of_ten_thousand_events_reads_back_in_order()
    {
        const int total = 10_000;
        var stream = TestEvents.UniqueStream();
        var expected = ExpectedRevision.NoStream;
        for (var written = 0; written < total; written += 500)
        {
            var result = await Store.AppendAsync(stream, expected, TestEvents.Events(500, written), Timeout());
            expected = ExpectedRevision.Exact(result.NextExpectedRevision);
        }

        long next = 0;
        var lastPosition = 0L;
        await foreach (var @event in Store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue, Timeout()))
        {
            Assert.Equal(next++, @event.Revision);
            Assert.True(@event.Position > lastPosition);
            lastPosition = @event.Position;
        }

        Assert.Equal(total, next);
    }
}
