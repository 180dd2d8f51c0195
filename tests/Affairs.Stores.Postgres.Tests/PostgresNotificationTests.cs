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

    [ConformanceFact]
    public async Task the_listener_reconnects_after_its_backend_is_terminated_and_notifications_wake_subscriptions_again()
    {
        var writer = await fixture.MigratedStoreAsync();
        var reader = fixture.CreateStore(writer.Schema, fallbackPollInterval: TimeSpan.FromMinutes(10));
        var applicationName = AppendListener.ApplicationNameFor(writer.Schema);
        var before = TestEvents.UniqueStream();
        var after = TestEvents.UniqueStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = System.Threading.Channels.Channel.CreateUnbounded<RecordedEvent>();
        var start = await writer.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1));
        var subscription = Task.Run(async () =>
        {
            await foreach (var @event in reader.SubscribeAsync(SubscriptionFilter.All, start.LogPosition - 1, timeout.Token))
            {
                await seen.Writer.WriteAsync(@event, timeout.Token);
            }
        });
        await seen.Reader.ReadAsync(timeout.Token);
        var first = await WaitForListenerAsync(applicationName, exceptPid: 0, timeout.Token);
        await writer.AppendAsync(before, ExpectedRevision.NoStream, TestEvents.Events(1));
        Assert.Equal(before, (await seen.Reader.ReadAsync(timeout.Token)).Stream);

        var terminated = await PostgresFixture.ScalarAsync<bool>(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{applicationName}'");
        Assert.True(terminated);
        var second = await WaitForListenerAsync(applicationName, exceptPid: first, timeout.Token);
        await writer.AppendAsync(after, ExpectedRevision.NoStream, TestEvents.Events(1));

        Assert.NotEqual(first, second);
        Assert.Equal(after, (await seen.Reader.ReadAsync(timeout.Token)).Stream);
        Assert.False(subscription.IsCompleted);
    }

    /// <summary>The pid of the store's LISTEN backend once it is listening, other than <paramref name="exceptPid"/>.</summary>
    private static async Task<int> WaitForListenerAsync(string applicationName, int exceptPid, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pid = await PostgresFixture.ScalarAsync<object>(
                $"SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE application_name = '{applicationName}' AND query ILIKE 'LISTEN%' AND pid <> {exceptPid}");
            if (pid is int found && found != 0)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
