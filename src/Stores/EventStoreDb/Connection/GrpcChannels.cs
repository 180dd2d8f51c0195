using Grpc.Core;
using Grpc.Net.Client;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>Opens the HTTP/2 channel to a node: h2c without TLS, TLS with or without certificate checks.</summary>
internal static class GrpcChannels
{
    /// <summary>EventStoreDB's largest log record is 16 MiB; an event read back can be that big.</summary>
    private const int MaxMessageBytes = 17 * 1024 * 1024;

    /// <summary>How often a connection with a call running is pinged when quiet, and how long the answer may take.</summary>
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(10);

    public static GrpcChannel Open(ConnectionSettings settings, Uri address, TimeSpan? keepAlive = null)
    {
        var handler = new SocketsHttpHandler
        {
            // Subscriptions hold one HTTP/2 stream each; more than the server's stream limit must not queue appends.
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = keepAlive ?? DefaultKeepAlive,
            KeepAlivePingTimeout = keepAlive ?? DefaultKeepAlive,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (settings.UseTls && !settings.VerifyCertificate)
        {
            // Explicit opt-in (tlsVerifyCert=false), as EventStoreDB's own clients offer for self-signed development nodes.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
        });
    }

    /// <summary>
    /// The headers every call carries: basic authentication when the URL has credentials; and, when a cluster is
    /// discovered with the leader preferred, <c>requires-leader</c>, so that a follower answers "not leader" (naming the
    /// leader) instead of serving a read that may lag behind an acknowledged write.
    /// </summary>
    public static Metadata Headers(ConnectionSettings settings)
    {
        var headers = new Metadata();
        if (settings.AuthorizationHeader is { } authorization)
        {
            headers.Add("authorization", authorization);
        }

        if (settings.Discover && settings.NodePreference == NodePreference.Leader)
        {
            headers.Add(NodeFailures.RequiresLeaderHeader, "true");
        }

        return headers;
    }
}
