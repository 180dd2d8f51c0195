using Grpc.Core;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>What a failed call says about the node it went to: nothing (the failure is the answer), gone, or not the leader.</summary>
internal static class NodeFailures
{
    /// <summary>The header asking a node to serve the call only as the leader.</summary>
    public const string RequiresLeaderHeader = "requires-leader";

    private const string ExceptionTrailer = "exception";
    private const string NotLeader = "not-leader";
    private const string LeaderHostTrailer = "leader-endpoint-host";
    private const string LeaderPortTrailer = "leader-endpoint-port";

    /// <summary>
    /// True when the call may go to another node (or the same one later): the node cannot be reached, went away during
    /// the call, timed out, is not ready, or is not the leader. Whatever the call did is then unknown, so only calls
    /// that may be repeated without harm are sent again (see the appends' remarks).
    /// </summary>
    public static bool CallsForAnotherNode(RpcException error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.ResourceExhausted => true,
            StatusCode.Cancelled => !cancellationToken.IsCancellationRequested,
            StatusCode.NotFound => IsNotLeader(error),
            _ => false,
        };
    }

    /// <summary>
    /// Runs one step of a call, reporting a broken connection as the status gRPC gives it elsewhere (Unavailable): a
    /// node killed while a client-streaming call writes its request can surface as the transport's own exception
    /// (<see cref="IOException"/>, <see cref="HttpRequestException"/>) rather than an <see cref="RpcException"/>, and
    /// that must go to the next node, or end as the port's exception, like any other loss of the node.
    /// </summary>
    public static async Task<T> Transported<T>(Func<Task<T>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or HttpRequestException or System.Net.Sockets.SocketException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The connection to the node broke.", error));
        }
    }

    /// <summary>True for the answer "not leader" of a follower asked with <see cref="RequiresLeaderHeader"/>.</summary>
    public static bool IsNotLeader(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.Equals(error.Trailers.GetValue(ExceptionTrailer), NotLeader, StringComparison.Ordinal);
    }

    /// <summary>The leader a "not leader" answer names, or null when it names none.</summary>
    public static (string Host, int Port)? Leader(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!IsNotLeader(error))
        {
            return null;
        }

        var host = error.Trailers.GetValue(LeaderHostTrailer);
        return !string.IsNullOrEmpty(host) && int.TryParse(error.Trailers.GetValue(LeaderPortTrailer), out var port) && port is > 0 and < 65536
            ? (host, port)
            : null;
    }
}
