using Affairs.Stores.EventStoreDb.Connection;
using Grpc.Core;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class NodeFailuresTests
{
    private static RpcException NotLeader(string? host, string? port)
    {
        var trailers = new Metadata { { "exception", "not-leader" } };
        if (host is not null)
        {
            trailers.Add("leader-endpoint-host", host);
        }

        if (port is not null)
        {
            trailers.Add("leader-endpoint-port", port);
        }

        return new RpcException(new Status(StatusCode.NotFound, "Leader info available"), trailers);
    }

    [Fact]
    public async Task a_connection_broken_under_a_call_is_a_lost_node_and_sends_the_call_to_another()
    {
        var transport = new IOException("Unable to write data to the transport connection: Connection reset by peer.");

        var error = await Assert.ThrowsAsync<RpcException>(() => NodeFailures.Transported<int>(() => throw transport));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Same(transport, error.Status.DebugException);
        Assert.True(NodeFailures.CallsForAnotherNode(error, CancellationToken.None));
    }

    [Fact]
    public async Task a_failure_that_is_not_the_transports_passes_through_unchanged()
    {
        var refused = new RpcException(new Status(StatusCode.PermissionDenied, "Access denied"));

        Assert.Same(refused, await Assert.ThrowsAsync<RpcException>(() => NodeFailures.Transported<int>(() => throw refused)));
    }

    [Fact]
    public void a_not_leader_answer_names_the_leader_and_sends_the_call_there()
    {
        var error = NotLeader("127.0.0.1", "2123");

        Assert.True(NodeFailures.CallsForAnotherNode(error, CancellationToken.None));
        Assert.Equal(("127.0.0.1", 2123), NodeFailures.Leader(error));
    }

    [Fact]
    public void a_not_leader_answer_without_a_usable_endpoint_names_none()
    {
        Assert.Null(NodeFailures.Leader(NotLeader("127.0.0.1", "port")));
        Assert.Null(NodeFailures.Leader(NotLeader(null, "2123")));
    }

    [Fact]
    public void a_stream_that_is_not_found_is_an_answer_not_a_node_failure()
    {
        var error = new RpcException(new Status(StatusCode.NotFound, "not found"));

        Assert.False(NodeFailures.CallsForAnotherNode(error, CancellationToken.None));
        Assert.Null(NodeFailures.Leader(error));
    }

    [Fact]
    public void a_call_the_caller_cancelled_goes_nowhere_else()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var error = new RpcException(new Status(StatusCode.Cancelled, "cancelled"));

        Assert.False(NodeFailures.CallsForAnotherNode(error, cancelled.Token));
        Assert.True(NodeFailures.CallsForAnotherNode(error, CancellationToken.None));
    }
}
