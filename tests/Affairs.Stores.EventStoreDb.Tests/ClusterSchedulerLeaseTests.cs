using System.Diagnostics;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Leases;
using Xunit.Abstractions;
using VNodeState = Affairs.Stores.EventStoreDb.Protocol.Grpc.MemberInfo.Types.VNodeState;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>
/// The scheduler lease on a real three-node cluster: the lease stream is replicated, so when the leader is killed
/// (SIGKILL) the hosts go on against the new leader, and at every moment at most one of them holds the lease; once the
/// cluster has a leader again, exactly one does.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterSchedulerLeaseTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Watched = TimeSpan.FromSeconds(25);

    [ClusterFact]
    public async Task when_the_leader_dies_never_two_hosts_hold_the_lease_and_one_holds_it_on_the_new_leader()
    {
        var cluster = await TestCluster.WholeAsync();
        var settings = ConnectionSettings.Parse(TestCluster.Url);
        var stream = $"leasetest_{Guid.NewGuid():N}";
        using var routerA = new NodeRouter(settings);
        using var routerB = new NodeRouter(settings);
        await using var a = new EventStoreDbSchedulerLease(routerA, "host-a", stream, Duration, TimeProvider.System);
        await using var b = new EventStoreDbSchedulerLease(routerB, "host-b", stream, Duration, TimeProvider.System);
        Assert.Equal(new LeaseState(true, "host-a"), await a.TryAcquireAsync());
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());

        var leader = cluster.Members.Single(m => m.IsAlive && m.State == VNodeState.Leader);
        var node = TestCluster.NodeNumber(settings.AddressOf(leader.HttpEndPoint.Address, (int)leader.HttpEndPoint.Port));
        TestCluster.Control("kill-node", node);
        try
        {
            // Both hosts go on as the hosted scheduler does: renew while held, else try to take it.
            var clock = Stopwatch.StartNew();
            var (stateA, stateB) = (new LeaseState(true, "host-a"), new LeaseState(false, "host-a"));
            var both = new List<TimeSpan>();
            while (clock.Elapsed < Watched)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                stateA = await KeepAsync(a, stateA);
                stateB = await KeepAsync(b, stateB);
                if (stateA.Held && stateB.Held)
                {
                    both.Add(clock.Elapsed);
                }
            }

            output.WriteLine($"killed node {node}; after {Watched.TotalSeconds:0} s host-a: {stateA}, host-b: {stateB}");
            Assert.Empty(both);
            Assert.True(stateA.Held ^ stateB.Held, $"host-a: {stateA}, host-b: {stateB}");
            var (holder, other) = stateA.Held ? (a, b) : (b, a);
            Assert.Equal(new LeaseState(false, holder.HolderId), await other.TryAcquireAsync());
            Assert.Equal(new LeaseState(true, holder.HolderId), await holder.RenewAsync());
        }
        finally
        {
            TestCluster.Control("restart-node", node);
        }
    }

    /// <summary>One pass of the hosted scheduler: renews while held, else tries to take it; a cluster that cannot answer (electing a leader) is a lease not held.</summary>
    private static async Task<LeaseState> KeepAsync(ISchedulerLease lease, LeaseState before)
    {
        try
        {
            return before.Held ? await lease.RenewAsync() : await lease.TryAcquireAsync();
        }
        catch (EventStoreUnavailableException)
        {
            return new LeaseState(false, null);
        }
    }
}
