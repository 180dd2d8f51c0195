using System.Diagnostics;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Leases;
using Xunit.Abstractions;
using VNodeState = Affairs.Stores.EventStoreDb.Protocol.Grpc.MemberInfo.Types.VNodeState;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>
/// The scheduler lease on a real three-node cluster: the group's slot lives on the leader, so when the leader is killed
/// (SIGKILL) the holder learns that it lost the lease, and then exactly one of the two hosts holds it on the new leader.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterSchedulerLeaseTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lost = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Retaken = TimeSpan.FromSeconds(30);

    [ClusterFact]
    public async Task when_the_leader_dies_the_holder_learns_it_lost_and_one_host_then_holds_the_lease_on_the_new_leader()
    {
        var cluster = await TestCluster.WholeAsync();
        var settings = ConnectionSettings.Parse(TestCluster.Url);
        var id = Guid.NewGuid().ToString("N");
        await using var a = new EventStoreDbSchedulerLease(settings, "host-a", $"lease-test-{id}", $"lease-{id}");
        await using var b = new EventStoreDbSchedulerLease(settings, "host-b", $"lease-test-{id}", $"lease-{id}");
        Assert.Equal(new LeaseState(true, "host-a"), await a.TryAcquireAsync());
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());

        var leader = cluster.Members.Single(m => m.IsAlive && m.State == VNodeState.Leader);
        var node = TestCluster.NodeNumber(settings.AddressOf(leader.HttpEndPoint.Address, (int)leader.HttpEndPoint.Port));
        TestCluster.Control("kill-node", node);
        try
        {
            var clock = Stopwatch.StartNew();
            var renewed = await a.RenewAsync();
            while (renewed.Held && clock.Elapsed < Lost)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
                renewed = await a.RenewAsync();
            }

            var lostAfter = clock.Elapsed;
            var (first, second) = (new LeaseState(false, null), new LeaseState(false, null));
            while (!first.Held && !second.Held && clock.Elapsed < Retaken)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
                first = await TryAsync(a);
                second = await TryAsync(b);
            }

            output.WriteLine($"killed node {node}; the holder learned it lost after {lostAfter.TotalSeconds:0.0} s; a host held the lease again after {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.False(renewed.Held);
            Assert.True(first.Held ^ second.Held, $"host-a: {first}, host-b: {second}");
            var (holder, other) = first.Held ? (a, b) : (b, a);
            Assert.Equal(new LeaseState(false, holder.HolderId), await other.TryAcquireAsync());
            Assert.Equal(new LeaseState(true, holder.HolderId), await holder.RenewAsync());
        }
        finally
        {
            TestCluster.Control("restart-node", node);
        }
    }

    /// <summary>One attempt to take the lease; while the cluster elects a leader, an unavailable store is simply not held.</summary>
    private static async Task<LeaseState> TryAsync(ISchedulerLease lease)
    {
        try
        {
            return await lease.TryAcquireAsync();
        }
        catch (EventStoreUnavailableException)
        {
            return new LeaseState(false, null);
        }
    }
}
