using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Sqlite.Tests;

/// <summary>
/// A caught-up subscription takes the events its own writer just committed from memory: they must be exactly what the
/// file holds, and commits by another writer on the same file (another process; here a second store instance) must
/// still be delivered, in position order, without a gap or a repeat, whichever way the two writers interleave.
/// </summary>
public sealed class SqliteSubscriptionTailTests
{
    [Fact]
    public async Task events_taken_from_memory_are_the_events_the_file_holds_and_another_writers_commits_are_not_missed()
    {
        using var folder = new TempFolder();
        var options = new SqliteEventStoreOptions { Path = folder.File("tail.db"), ExternalWritePollInterval = TimeSpan.FromMilliseconds(50) };
        await using var own = SqliteEventStore.Open(options);
        await using var other = SqliteEventStore.Open(options);
        var watched = TestEvents.UniqueCategory("w");
        var noise = TestEvents.UniqueCategory("n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Written before anyone subscribes, so that the watched category's subscription starts far behind the log's end.
        await own.AppendAsync(TestEvents.UniqueStream(watched), ExpectedRevision.NoStream, TestEvents.Events(1));
        for (var i = 0; i < 20; i++)
        {
            await own.AppendAsync(TestEvents.UniqueStream(noise), ExpectedRevision.NoStream, TestEvents.Events(3));
        }

        var all = Collect(own.SubscribeAsync(SubscriptionFilter.All, 0, timeout.Token));
        var category = Collect(own.SubscribeAsync(SubscriptionFilter.ForCategory(watched), 0, timeout.Token));

        // Seeded, so that a failure replays: runs of this process's commits and the other writer's, in both categories.
        var random = new Random(20261129);
        for (var i = 0; i < 120; i++)
        {
            var writer = random.Next(3) == 0 ? other : own;
            var stream = TestEvents.UniqueStream(random.Next(4) == 0 ? watched : noise);
            await writer.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(random.Next(1, 4)));
            if (random.Next(10) == 0)
            {
                await Task.Delay(random.Next(0, 80), timeout.Token);
            }
        }

        var file = await own.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue).ToListAsync();
        var expectedInCategory = file.Where(e => e.Stream.Category == watched).ToList();

        AssertSame(file, await all.UntilAsync(file.Count, timeout.Token));
        AssertSame(expectedInCategory, await category.UntilAsync(expectedInCategory.Count, timeout.Token));
        await timeout.CancelAsync();
    }

    private static void AssertSame(IReadOnlyList<RecordedEvent> expected, IReadOnlyList<RecordedEvent> delivered)
    {
        Assert.Equal(expected.Select(e => e.Position), delivered.Select(e => e.Position));
        for (var i = 0; i < expected.Count; i++)
        {
            var (want, got) = (expected[i], delivered[i]);
            Assert.Equal(want.Stream, got.Stream);
            Assert.Equal(want.Revision, got.Revision);
            Assert.Equal(want.EventId, got.EventId);
            Assert.Equal(want.Type, got.Type);
            Assert.Equal(want.Recorded, got.Recorded);
            Assert.Equal(want.Data.ToArray(), got.Data.ToArray());
            Assert.Equal(want.Metadata.ToArray(), got.Metadata.ToArray());
        }
    }

    private static Delivered Collect(IAsyncEnumerable<RecordedEvent> subscription)
    {
        var delivered = new Delivered();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var @event in subscription)
                {
                    delivered.Add(@event);
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        });
        return delivered;
    }

    /// <summary>What a subscription has delivered so far.</summary>
    private sealed class Delivered
    {
        private readonly List<RecordedEvent> _events = [];

        public void Add(RecordedEvent @event)
        {
            lock (_events)
            {
                _events.Add(@event);
            }
        }

        /// <summary>Waits until at least <paramref name="count"/> have arrived, then a little longer for any extra.</summary>
        public async Task<IReadOnlyList<RecordedEvent>> UntilAsync(int count, CancellationToken cancellationToken)
        {
            while (Snapshot().Count < count)
            {
                await Task.Delay(20, cancellationToken);
            }

            // A repeat or a stray event would arrive with the rest; give it two poll intervals to show itself.
            await Task.Delay(100, cancellationToken);
            return Snapshot();
        }

        private List<RecordedEvent> Snapshot()
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }
}
