using System.Diagnostics;
using System.Globalization;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Grpc.Core;
using VNodeState = Affairs.Stores.EventStoreDb.Protocol.Grpc.MemberInfo.Types.VNodeState;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>The three-node cluster scripts/services.sh started: its URL, its gossip, and killing or restarting a node.</summary>
internal static class TestCluster
{
    public static string Url => Environment.GetEnvironmentVariable(ClusterFactAttribute.Variable)!;

    /// <summary>The cluster's members once one leader and two followers are alive (a node restarted by an earlier test may still be catching up).</summary>
    public static async Task<ClusterInfo> WholeAsync()
    {
        var settings = ConnectionSettings.Parse(Url);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var seed in settings.Nodes)
            {
                using var channel = GrpcChannels.Open(settings, seed);
                try
                {
                    var cluster = await new Protocol.Grpc.Gossip.GossipClient(channel).ReadAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(5));
                    var alive = cluster.Members.Where(m => m.IsAlive).ToList();
                    if (alive.Count(m => m.State == VNodeState.Leader) == 1 && alive.Count(m => m.State == VNodeState.Follower) == 2)
                    {
                        return cluster;
                    }
                }
                catch (RpcException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
                {
                }
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The cluster did not have one leader and two followers within 60 s.");
            await Task.Delay(250);
        }
    }

    /// <summary>Runs <c>esdb.sh <paramref name="command"/></c> (kill-node, restart-node) for node <paramref name="node"/> (1-based, in the URL's order).</summary>
    public static void Control(string command, int node)
    {
        var tools = Environment.GetEnvironmentVariable(ClusterFactAttribute.ToolsVariable)!;
        var folder = Environment.GetEnvironmentVariable(ClusterFactAttribute.FolderVariable)!;
        using var process = Process.Start(new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(tools, "esdb.sh"), command, folder, node.ToString(CultureInfo.InvariantCulture) },
        })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>The node (1-based, in the URL's order) at <paramref name="address"/>.</summary>
    public static int NodeNumber(Uri address)
    {
        var index = ConnectionSettings.Parse(Url).Nodes.ToList().IndexOf(address);
        Assert.True(index >= 0, $"The store talks to {address}, which the URL does not name.");
        return index + 1;
    }
}

/// <summary>The cluster tests kill and restart nodes, so they never run at the same time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "EventStoreDB cluster";
}
