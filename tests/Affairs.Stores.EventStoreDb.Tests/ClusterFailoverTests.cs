using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Xunit.Abstractions;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>
/// The leader of a real three-node cluster is killed (SIGKILL) while writers and a subscriber run. Each writer repeats an
/// append that failed with the same event id and expectation, as a caller retrying a command does; so every append it
/// counts was acknowledged exactly once, and the streams must hold exactly those events, once each, in order.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private static readonly TimeSpan Resumed = TimeSpan.FromSeconds(10);

    [ClusterFact]
    public async Task killing_the_leader_loses_and_duplicates_no_acknowledged_append_and_the_subscriber_misses_nothing()
    {
        await TestCluster.WholeAsync();
        using var store = EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = TestCluster.Url });
        var category = TestEvents.UniqueCategory("failover");
        var start = await TestEvents.MarkAsync(store);
        var leader = TestCluster.NodeNumber(store.Address);

        using var stop = new CancellationTokenSource();
        var delivered = new ConcurrentQueue<RecordedEvent>();
        var subscriber = Task.Run(async () =>
        {
            try
            {
                await foreach (var @event in store.SubscribeAsync(SubscriptionFilter.ForCategory(category), start, stop.Token))
                {
                    delivered.Enqueue(@event);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        });

        var killedAt = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledgedSoFar = new StrongBox<int>(0);
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, Writers)
            .Select(i => Task.Run(() => WriteAsync(store, StreamName.For(category, $"w{i}"), exact: i % 2 == 0, clock, killedAt.Task, acknowledgedSoFar)))
            .ToArray();
        try
        {
            // The leader dies while every writer is in its stride: after at least 40 acknowledged appends (bounded wait).
            while (Volatile.Read(ref acknowledgedSoFar.Value) < Writers * 10 && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(20);
            }

            TestCluster.Control("kill-node", leader);
            killedAt.SetResult(clock.Elapsed);
            var written = await Task.WhenAll(writers);
            output.WriteLine($"killed node {leader} ({store.Address} in use now); " + string.Join(", ", written.Select(
                w => $"{w.Stream}: {w.Acknowledged.Count} appends, first after the kill at {w.ResumedAfter.TotalSeconds:0.0} s")));

            foreach (var (stream, acknowledged, resumedAfter) in written)
            {
                var stored = await store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue).ToListAsync();
                Assert.Equal(acknowledged, stored.Select(e => e.EventId).ToList());
                Assert.True(resumedAfter < Resumed, $"{stream}: the first append acknowledged after the kill took {resumedAfter}.");
            }

            var expected = written.Sum(w => w.Acknowledged.Count);
            var waited = Stopwatch.StartNew();
            while (delivered.Count < expected && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            await stop.CancelAsync();
            await subscriber;
            var seen = delivered.ToList();
            output.WriteLine($"the subscriber saw {seen.Count} events");
            Assert.Equal(
                written.SelectMany(w => w.Acknowledged).Order().ToList(),
                seen.Select(e => e.EventId).Order().ToList());
            Assert.Equal(seen.Select(e => e.Position).Order().ToList(), seen.Select(e => e.Position).ToList());
        }
        finally
        {
            var killed = killedAt.Task.IsCompleted;
            killedAt.TrySetResult(clock.Elapsed);
            await stop.CancelAsync();
            if (killed)
            {
                // Back to three members for whatever runs next on this cluster.
                TestCluster.Control("restart-node", leader);
            }
        }
    }

    /// <summary>Appends one event at a time until 40 were acknowledged after the kill (at most 30 s after it).</summary>
    private static async Task<(StreamName Stream, List<Guid> Acknowledged, TimeSpan ResumedAfter)> WriteAsync(
        EventStoreDbEventStore store, StreamName stream, bool exact, Stopwatch clock, Task<TimeSpan> killed, StrongBox<int> acknowledgedSoFar)
    {
        var acknowledged = new List<Guid>();
        var afterKill = 0;
        var resumedAfter = TimeSpan.MaxValue;
        while (afterKill < 40)
        {
            var @event = TestEvents.Event(index: acknowledged.Count);
            var expected = !exact ? ExpectedRevision.Any
                : acknowledged.Count == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(acknowledged.Count - 1);
            while (true)
            {
                try
                {
                    await store.AppendAsync(stream, expected, [@event]);
                    break;
                }
                catch (EventStoreUnavailableException) when (!killed.IsCompleted || clock.Elapsed - killed.Result < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(100);
                }
            }

            acknowledged.Add(@event.EventId);
            Interlocked.Increment(ref acknowledgedSoFar.Value);
            if (killed.IsCompleted)
            {
                afterKill++;
                if (afterKill == 1)
                {
                    resumedAfter = clock.Elapsed - killed.Result;
                }
            }
        }

        return (stream, acknowledged, resumedAfter);
    }
}
