using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Grpc.Core;
using VNodeState = Affairs.Stores.EventStoreDb.Protocol.Grpc.MemberInfo.Types.VNodeState;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>What the adapter reads from a real cluster: the gossip's members and a follower's "not leader" answer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterProtocolTests
{
    [ClusterFact]
    public async Task every_seed_gossips_one_leader_and_each_follower_refuses_a_leader_only_append_naming_it()
    {
        var settings = ConnectionSettings.Parse(TestCluster.Url);
        var cluster = await TestCluster.WholeAsync();
        var leader = Assert.Single(cluster.Members, m => m.State == VNodeState.Leader && m.IsAlive).HttpEndPoint;
        Assert.Equal(settings.AddressOf(leader.Address, (int)leader.Port), MemberChoice.Choose(cluster, settings, Random.Shared));

        var followers = cluster.Members.Where(m => m.State == VNodeState.Follower && m.IsAlive).ToList();
        Assert.Equal(2, followers.Count);
        foreach (var follower in followers)
        {
            using var channel = GrpcChannels.Open(settings, settings.AddressOf(follower.HttpEndPoint.Address, (int)follower.HttpEndPoint.Port));
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                using var call = new Streams.StreamsClient(channel).Append(new CallOptions(GrpcChannels.Headers(settings)));
                await call.RequestStream.WriteAsync(AppendRequests.Options(TestEvents.UniqueStream(), ExpectedRevision.NoStream));
                await call.RequestStream.WriteAsync(AppendRequests.Message(TestEvents.Event()));
                await call.RequestStream.CompleteAsync();
                await call.ResponseAsync;
            });

            Assert.True(NodeFailures.CallsForAnotherNode(error, CancellationToken.None));
            Assert.Equal((leader.Address, (int)leader.Port), NodeFailures.Leader(error));
        }
    }
}
