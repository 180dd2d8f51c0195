using System.Diagnostics;
using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Postgres.Tests;

[RequiresEnvironment(PostgresFixture.Variable)]
public sealed class PostgresNotificationTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [ConformanceFact]
    public async Task a_subscription_is_woken_by_a_commit_from_another_store_instance_without_waiting_for_the_fallback_poll()
    {
        var writer = await fixture.MigratedStoreAsync();
        var reader = fixture.CreateStore(writer.Schema, fallbackPollInterval: TimeSpan.FromMinutes(10));
        var stream = TestEvents.UniqueStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = Task.Run(async () =>
        {
            var start = await writer.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1));
            await foreach (var @event in reader.SubscribeAsync(SubscriptionFilter.All, start.LogPosition - 1, timeout.Token))
            {
                caughtUp.TrySetResult();
                if (@event.Stream == stream)
                {
                    return @event;
                }
            }

            throw new InvalidOperationException("The subscription ended.");
        });
        await caughtUp.Task.WaitAsync(timeout.Token);
        await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        await writer.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));
        var @event = await received.WaitAsync(timeout.Token);

        Assert.Equal(0, @event.Revision);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"woken after {clock.Elapsed}");
    }
}
