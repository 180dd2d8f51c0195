using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using VNodeState = Affairs.Stores.EventStoreDb.Protocol.Grpc.MemberInfo.Types.VNodeState;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class MemberChoiceTests
{
    private static readonly ConnectionSettings Leader = ConnectionSettings.Parse("esdb+discover://seed:2113?tls=false");
    private static readonly ConnectionSettings Follower = ConnectionSettings.Parse("esdb+discover://seed:2113?tls=false&nodePreference=follower");

    private static MemberInfo Member(VNodeState state, int port, bool alive = true) =>
        new() { State = state, IsAlive = alive, HttpEndPoint = new EndPoint { Address = "127.0.0.1", Port = (uint)port } };

    private static ClusterInfo Cluster(params MemberInfo[] members)
    {
        var cluster = new ClusterInfo();
        cluster.Members.AddRange(members);
        return cluster;
    }

    [Fact]
    public void the_leader_is_chosen_by_default()
    {
        var cluster = Cluster(Member(VNodeState.Follower, 2113), Member(VNodeState.Leader, 2123), Member(VNodeState.Follower, 2133));

        Assert.Equal(new Uri("http://127.0.0.1:2123"), MemberChoice.Choose(cluster, Leader, new Random(1)));
    }

    [Fact]
    public void without_a_live_leader_nothing_is_chosen_for_the_leader_preference()
    {
        var cluster = Cluster(Member(VNodeState.Leader, 2113, alive: false), Member(VNodeState.Follower, 2123), Member(VNodeState.PreLeader, 2133));

        Assert.Null(MemberChoice.Choose(cluster, Leader, new Random(1)));
    }

    [Fact]
    public void a_follower_preference_takes_a_live_follower_and_falls_back_to_the_leader()
    {
        var followers = Cluster(Member(VNodeState.Leader, 2113), Member(VNodeState.Follower, 2123, alive: false), Member(VNodeState.Follower, 2133));
        var leaderOnly = Cluster(Member(VNodeState.Leader, 2113), Member(VNodeState.CatchingUp, 2123));

        Assert.Equal(new Uri("http://127.0.0.1:2133"), MemberChoice.Choose(followers, Follower, new Random(1)));
        Assert.Equal(new Uri("http://127.0.0.1:2113"), MemberChoice.Choose(leaderOnly, Follower, new Random(1)));
    }
}
