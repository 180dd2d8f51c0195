using Affairs.EventStore;

namespace Affairs.EventStore.Tests;

public sealed class EventPagesTests
{
    private static readonly StreamName Stream = new("case-1");

    [Fact]
    public async Task reading_backwards_stops_at_revision_0_without_asking_for_another_page()
    {
        var log = Log(4);
        var calls = 0;

        var read = await EventPages.ReadStreamAsync(ReadDirection.Backwards, StreamRevision.End, long.MaxValue, 2, (from, limit, _) =>
        {
            calls++;
            return Page(log.Where(e => e.Revision <= from).OrderByDescending(e => e.Revision).Take(limit));
        }).ToListAsync();

        Assert.Equal([3L, 2L, 1L, 0L], read.Select(e => e.Revision));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task a_log_read_continues_after_the_last_position_of_each_page_and_honours_the_maximum()
    {
        var log = Log(7);
        var asked = new List<long>();

        var read = await EventPages.ReadLogAsync(0, 5, 2, (after, limit, _) =>
        {
            asked.Add(after);
            return Page(log.Where(e => e.Position > after).Take(limit));
        }).ToListAsync();

        Assert.Equal([10L, 20L, 30L, 40L, 50L], read.Select(e => e.Position));
        Assert.Equal([0L, 20L, 40L], asked);
    }

    [Fact]
    public async Task a_subscription_catches_up_then_waits_for_the_next_commit_and_reads_after_its_checkpoint()
    {
        var log = Log(3);
        var commit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<long>();

        var subscription = Task.Run(async () =>
        {
            await foreach (var @event in EventPages.SubscribeAsync(
                               10, 2, (after, limit, _) => Locked(log, () => Page(log.Where(e => e.Position > after).Take(limit))),
                               () => commit.Task, Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken: stop.Token))
            {
                lock (received)
                {
                    received.Add(@event.Position);
                }

                if (@event.Position == 40)
                {
                    return;
                }
            }
        });
        while (true)
        {
            lock (received)
            {
                if (received.Count == 2)
                {
                    break;
                }
            }

            await Task.Delay(10);
        }

        lock (log)
        {
            log.Add(Event(3));
        }

        commit.SetResult();
        await subscription.WaitAsync(stop.Token);

        Assert.Equal([20L, 30L, 40L], received);
    }

    private static T Locked<T>(object gate, Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private static List<RecordedEvent> Log(int count) => Enumerable.Range(0, count).Select(Event).ToList();

    private static RecordedEvent Event(int revision) =>
        new(Stream, revision, (revision + 1) * 10L, Guid.NewGuid(), "case.opened.v1", "{}"u8.ToArray(), "{}"u8.ToArray(), DateTimeOffset.UnixEpoch);

    private static ValueTask<IReadOnlyList<RecordedEvent>> Page(IEnumerable<RecordedEvent> events) =>
        ValueTask.FromResult<IReadOnlyList<RecordedEvent>>(events.ToList());
}
