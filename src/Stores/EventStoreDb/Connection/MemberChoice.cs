using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using VNodeState = Affairs.Stores.EventStoreDb.Protocol.Grpc.MemberInfo.Types.VNodeState;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>Chooses the member to talk to from what a node's gossip says about the cluster.</summary>
internal static class MemberChoice
{
    /// <summary>
    /// The chosen member's address, or null when none is usable now (an election is running, say). The leader is
    /// chosen only as the leader; a follower preference takes a follower, or the leader where no follower is alive.
    /// </summary>
    public static Uri? Choose(ClusterInfo cluster, ConnectionSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var alive = cluster.Members
            .Where(m => m.IsAlive && m.HttpEndPoint is { Port: > 0 and < 65536 } && !string.IsNullOrEmpty(m.HttpEndPoint.Address))
            .ToList();
        var leaders = alive.Where(m => m.State == VNodeState.Leader).ToList();
        var followers = alive.Where(m => m.State == VNodeState.Follower).ToList();
        var candidates = settings.NodePreference switch
        {
            NodePreference.Leader => leaders,
            NodePreference.Follower => followers.Count > 0 ? followers : leaders,
            _ => [.. leaders, .. followers],
        };
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = candidates[random.Next(candidates.Count)].HttpEndPoint;
        return settings.AddressOf(chosen.Address, (int)chosen.Port);
    }
}
