namespace Affairs.Stores.EventStoreDb;

/// <summary>How to reach the EventStoreDB server; bound from the configuration section <c>Store:EventStoreDb</c>.</summary>
public sealed class EventStoreDbOptions
{
    /// <summary>
    /// One node's URL: <c>esdb://[user:password@]host[:port][?tls=true|false&amp;tlsVerifyCert=true|false]</c>.
    /// The port defaults to 2113 and <c>tls</c> to <c>true</c>, as in EventStoreDB's own clients; <c>tls=false</c>
    /// speaks HTTP/2 without encryption to a server started with <c>--insecure</c>. Credentials go to the server as
    /// HTTP basic authentication. Cluster discovery (<c>esdb+discover://</c>, several hosts) is not supported.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;
}
