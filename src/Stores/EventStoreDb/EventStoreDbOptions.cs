namespace Affairs.Stores.EventStoreDb;

/// <summary>How to reach the EventStoreDB server; bound from the configuration section <c>Store:EventStoreDb</c>.</summary>
public sealed class EventStoreDbOptions
{
    /// <summary>
    /// One node's URL, <c>esdb://[user:password@]host[:port][?tls=true|false&amp;tlsVerifyCert=true|false]</c>, or a
    /// cluster's, <c>esdb+discover://[user:password@]host1[:port],host2[:port],…[?…]</c> (several hosts after
    /// <c>esdb://</c> are a cluster too): the hosts are gossip seeds, and calls go to the member
    /// <c>nodePreference=leader|follower|random</c> names (the leader by default), following it when it changes, with
    /// at most <c>maxDiscoverAttempts</c> (10) tries per call, <c>discoveryInterval</c> (100 ms, doubling up to 2 s) apart,
    /// each gossip request bounded by <c>gossipTimeout</c> (5000 ms). The port defaults to 2113 and <c>tls</c> to
    /// <c>true</c>, as in EventStoreDB's own clients; <c>tls=false</c> speaks HTTP/2 without encryption to a server
    /// started with <c>--insecure</c>. Credentials go to the server as HTTP basic authentication.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;
}
