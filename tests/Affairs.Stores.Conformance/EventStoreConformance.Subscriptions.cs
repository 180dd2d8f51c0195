using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

public abstract partial class EventStoreConformance<TFixture>
{
    [ConformanceFact]
    public async Task a_category_subscription_delivers_past_then_live_events_exactly_once_in_order_while_writers_run()
    {
        const int past = 40;
        const int writers = 4;
        const int perWriter = 30;
        var category = TestEvents.UniqueCategory();
        var sent = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        for (var i = 0; i < past; i++)
        {
            var @event = TestEvents.Event(index: i);
            await Store.AppendAsync(TestEvents.UniqueStream(category), ExpectedRevision.NoStream, [@event]);
            sent.Add(@event.EventId);
        }

        var timeout = Timeout();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout);
        var received = new List<RecordedEvent>();
        var subscriber = Task.Run(async () =>
        {
            await foreach (var @event in Store.SubscribeAsync(SubscriptionFilter.ForCategory(category), 0, stop.Token))
            {
                received.Add(@event);
                if (received.Count == past + (writers * perWriter))
                {
                    return;
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var stream = TestEvents.UniqueStream(category);
            for (var i = 0; i < perWriter; i++)
            {
                var @event = TestEvents.Event(index: i);
                await Store.AppendAsync(stream, ExpectedRevision.Any, [@event]);
                sent.Add(@event.EventId);
            }
        })));
        await subscriber.WaitAsync(timeout);

        Assert.Equal(sent.Order(), received.Select(e => e.EventId).Order());
        Assert.True(received.Zip(received.Skip(1)).All(p => p.Second.Position > p.First.Position));
        Assert.All(received, e => Assert.Equal(category, e.Stream.Category));
    }

    [ConformanceFact]
    public async Task an_all_subscription_resumes_after_its_checkpoint_and_sees_live_events()
    {
        var category = TestEvents.UniqueCategory();
        var stream = TestEvents.UniqueStream(category);
        var first = await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(3));
        var timeout = Timeout();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout);
        var received = new List<RecordedEvent>();
        var subscriber = Task.Run(async () =>
        {
            await foreach (var @event in Store.SubscribeAsync(SubscriptionFilter.All, first.LogPosition, stop.Token))
            {
                if (@event.Stream == stream)
                {
                    received.Add(@event);
                    if (received.Count == 2)
                    {
                        return;
                    }
                }
            }
        });

        await Task.Delay(200);
        await Store.AppendAsync(stream, ExpectedRevision.Exact(2), TestEvents.Events(2, 3));
        await subscriber.WaitAsync(timeout);

        Assert.Equal([3L, 4L], received.Select(e => e.Revision));
    }

    [ConformanceFact]
    public async Task cancelling_a_subscription_ends_it()
    {
        using var stop = new CancellationTokenSource();
        var subscription = Task.Run(async () =>
        {
            await foreach (var _ in Store.SubscribeAsync(SubscriptionFilter.ForCategory(TestEvents.UniqueCategory()), 0, stop.Token))
            {
            }
        });

        await Task.Delay(100);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => subscription.WaitAsync(Timeout(30)));
    }

    [ConformanceFact]
    public async Task cancelled_reads_and_appends_throw_and_write_nothing()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(3));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Exact(2), TestEvents.Events(1), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, 10, cancelled.Token).ToListAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Store.ReadAllAsync(SubscriptionFilter.All, 0, 10, cancelled.Token).ToListAsync());
        Assert.Equal(3, (await ReadAll(stream)).Count);
    }
}
