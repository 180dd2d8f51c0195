using System.Diagnostics;
using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Postgres.Tests;

/// <summary>The scheduler lease as a session advisory lock: two hosts on one schema, one holds it; its session gone, the other takes it.</summary>
[RequiresEnvironment(PostgresFixture.Variable)]
public sealed class PostgresSchedulerLeaseTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    [ConformanceFact]
    public async Task the_other_host_takes_the_lease_once_the_holders_backend_is_terminated_and_the_old_holder_learns_it_lost()
    {
        var store = await fixture.MigratedStoreAsync();
        await using var a = store.OpenSchedulerLease("host-a", LeaseDuration);
        await using var b = fixture.CreateStore(store.Schema).OpenSchedulerLease("host-b", LeaseDuration);
        Assert.Equal(new LeaseState(true, "host-a"), await a.TryAcquireAsync());
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
        Assert.Equal(new LeaseState(true, "host-a"), await a.RenewAsync());

        var terminated = await PostgresFixture.ScalarAsync<bool>(
            $"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE {PostgresSchedulerLease.LockFilterFor(store.Schema)}");
        var clock = Stopwatch.StartNew();
        var taken = await b.TryAcquireAsync();
        while (!taken.Held && clock.Elapsed < Takeover)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            taken = await b.TryAcquireAsync();
        }

        Assert.True(terminated);
        Assert.Equal(new LeaseState(true, "host-b"), taken);
        Assert.Equal(new LeaseState(false, null), await a.RenewAsync());
        Assert.Equal(new LeaseState(false, "host-b"), await a.TryAcquireAsync());
        Assert.Equal(new LeaseState(true, "host-b"), await b.RenewAsync());
    }

    [ConformanceFact]
    public async Task a_released_lease_is_taken_at_once_and_a_host_that_lost_it_can_take_it_again()
    {
        var store = await fixture.MigratedStoreAsync();
        await using var a = store.OpenSchedulerLease("host-a", LeaseDuration);
        await using var b = store.OpenSchedulerLease("host-b", LeaseDuration);
        await a.TryAcquireAsync();
        Assert.False((await b.TryAcquireAsync()).Held);

        await a.ReleaseAsync();
        var taken = await b.TryAcquireAsync();
        await b.ReleaseAsync();
        var back = await a.TryAcquireAsync();

        Assert.True(taken.Held);
        Assert.Equal(new LeaseState(true, "host-a"), back);
    }

    [ConformanceFact]
    public async Task a_lease_released_and_taken_over_and_over_is_taken_each_time_right_after_the_release()
    {
        // The server frees a closed session's locks a moment after the client has gone; a release unlocks first.
        var store = await fixture.MigratedStoreAsync();
        await using var a = store.OpenSchedulerLease("host-a", LeaseDuration);
        await using var b = store.OpenSchedulerLease("host-b", LeaseDuration);
        var holder = a;
        var other = b;
        Assert.True((await holder.TryAcquireAsync()).Held);
        for (var round = 0; round < 30; round++)
        {
            await holder.ReleaseAsync();
            Assert.Equal(new LeaseState(true, other.HolderId), await other.TryAcquireAsync());
            (holder, other) = (other, holder);
        }
    }

    [ConformanceFact]
    public async Task stores_in_different_schemas_are_different_deployments_with_a_lease_each()
    {
        var one = await fixture.MigratedStoreAsync();
        var other = await fixture.MigratedStoreAsync();
        await using var a = one.OpenSchedulerLease("host-a", LeaseDuration);
        await using var b = other.OpenSchedulerLease("host-b", LeaseDuration);

        Assert.True((await a.TryAcquireAsync()).Held);
        Assert.True((await b.TryAcquireAsync()).Held);
    }
}
