using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Grpc.Core;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>What the store does without any server: nothing here fakes one; an unused local port stands for an unreachable node.</summary>
public sealed class EventStoreDbEventStoreTests
{
    private static EventStoreDbEventStore Unreachable() =>
        EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = $"esdb://127.0.0.1:{ClosedPort()}?tls=false" });

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void creating_the_store_does_not_connect()
    {
        using var store = Unreachable();

        Assert.Equal("http", store.Address.Scheme);
    }

    [Fact]
    public async Task an_append_to_an_unreachable_node_fails_as_the_store_being_unavailable()
    {
        using var store = Unreachable();

        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(
            () => store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1)));

        Assert.Equal(StatusCode.Unavailable, Assert.IsType<RpcException>(error.InnerException).StatusCode);
        Assert.DoesNotContain("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_cluster_none_of_whose_seeds_answer_is_unavailable_after_the_bounded_attempts()
    {
        using var store = EventStoreDbEventStore.Create(new EventStoreDbOptions
        {
            ConnectionString = $"esdb+discover://127.0.0.1:{ClosedPort()},127.0.0.1:{ClosedPort()}?tls=false&maxDiscoverAttempts=3&discoveryInterval=1",
        });

        await Assert.ThrowsAsync<EventStoreUnavailableException>(
            () => store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1)));
        await Assert.ThrowsAsync<EventStoreUnavailableException>(
            async () => await store.ReadAllAsync(SubscriptionFilter.All, 0, 10).ToListAsync());
    }

    [Fact]
    public async Task reads_from_an_unreachable_node_fail_as_the_store_being_unavailable()
    {
        using var store = Unreachable();

        await Assert.ThrowsAsync<EventStoreUnavailableException>(
            async () => await store.ReadStreamAsync(TestEvents.UniqueStream(), ReadDirection.Forwards, 0, 10).ToListAsync());
        await Assert.ThrowsAsync<EventStoreUnavailableException>(
            async () => await store.ReadAllAsync(SubscriptionFilter.All, 0, 10).ToListAsync());
    }

    [Fact]
    public async Task bad_arguments_and_cancelled_calls_fail_before_any_connection()
    {
        using var store = Unreachable();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, []));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, TestEvents.Events(1), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await store.ReadAllAsync(SubscriptionFilter.All, 0, 10, cancelled.Token).ToListAsync());
    }

    [Fact]
    public async Task a_subscription_keeps_trying_an_unreachable_node_until_cancelled()
    {
        using var store = Unreachable();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await store.SubscribeAsync(SubscriptionFilter.All, 0, stop.Token).ToListAsync());

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(5, 1600)]
    [InlineData(6, 3200)]
    [InlineData(7, 5000)]
    [InlineData(1000, 5000)]
    public void resubscribing_waits_longer_after_each_failure_up_to_five_seconds(int failures, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), EventStoreDbEventStore.ResubscribeDelay(failures));
    }
}
