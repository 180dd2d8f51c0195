using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

public abstract partial class EventStoreConformance<TFixture>
{
    [ConformanceFact]
    public async Task concurrent_writers_on_one_stream_have_exactly_one_winner_at_each_revision()
    {
        const int writers = 8;
        const int rounds = 10;
        var stream = TestEvents.UniqueStream();
        var expected = ExpectedRevision.NoStream;
        for (var round = 0; round < rounds; round++)
        {
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    await Store.AppendAsync(stream, expected, [TestEvents.Event(index: w)]);
                    return true;
                }
                catch (WrongExpectedRevisionException error)
                {
                    Assert.Equal(round, error.Actual);
                    return false;
                }
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(attempts);

            Assert.Equal(1, outcomes.Count(won => won));
            expected = ExpectedRevision.Exact(round);
        }

        var events = await ReadAll(stream);
        Assert.Equal(Enumerable.Range(0, rounds).Select(i => (long)i), events.Select(e => e.Revision));
    }

    [ConformanceFact]
    public async Task concurrent_writers_retrying_on_conflict_lose_nothing_and_duplicate_nothing()
    {
        const int writers = 6;
        const int perWriter = 15;
        var stream = TestEvents.UniqueStream();
        var written = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (mine.Count < perWriter)
            {
                var last = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, StreamRevision.End, 1).ToListAsync();
                var expected = last.Count == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(last[0].Revision);
                var @event = TestEvents.Event(index: w);
                try
                {
                    await Store.AppendAsync(stream, expected, [@event]);
                    mine.Add(@event.EventId);
                }
                catch (WrongExpectedRevisionException)
                {
                    // Another writer won this revision: read again and retry.
                }
            }

            return mine;
        })));

        var events = await ReadAll(stream);
        Assert.Equal(writers * perWriter, events.Count);
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Revision));
        Assert.Equal(written.SelectMany(ids => ids).Order(), events.Select(e => e.EventId).Order());
    }

    [ConformanceFact]
    public async Task concurrent_appends_to_different_streams_all_succeed_with_distinct_positions()
    {
        var category = TestEvents.UniqueCategory();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            Store.AppendAsync(TestEvents.UniqueStream(category), ExpectedRevision.NoStream, TestEvents.Events(2))));

        Assert.Equal(64, results.Select(r => r.LogPosition).Distinct().Count());
        var read = await Store.ReadAllAsync(SubscriptionFilter.ForCategory(category), 0, long.MaxValue).ToListAsync();
        Assert.Equal(128, read.Count);
    }
}
