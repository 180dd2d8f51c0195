using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Connection;
using Grpc.Core;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class CancellationTests
{
    private static Task<int> Fails(StatusCode status) => throw new RpcException(new Status(status, "call ended"));

    [Fact]
    public async Task a_call_cancelled_by_the_caller_surfaces_as_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var error = await Assert.ThrowsAsync<OperationCanceledException>(
            () => Cancellation.Surface(() => Fails(StatusCode.Cancelled), cancelled.Token));

        Assert.Equal(cancelled.Token, error.CancellationToken);
    }

    [Fact]
    public async Task a_call_the_server_cancelled_is_the_store_being_unavailable()
    {
        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(
            () => Cancellation.Surface(() => Fails(StatusCode.Cancelled), CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Aborted)]
    [InlineData(StatusCode.ResourceExhausted)]
    public async Task an_unreachable_or_slow_node_is_the_store_being_unavailable_with_a_retry_delay(StatusCode status)
    {
        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Cancellation.Surface(() => Fails(status), CancellationToken.None));

        Assert.Equal(status, Assert.IsType<RpcException>(error.InnerException).StatusCode);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
    }

    [Theory]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.Internal)]
    public async Task other_failures_leave_the_adapter_without_the_grpc_type(StatusCode status)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Cancellation.Surface(() => Fails(status), CancellationToken.None));

        Assert.Equal(status, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task an_unreachable_node_is_unavailable_even_when_the_caller_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Cancellation.Surface(() => Fails(StatusCode.Unavailable), cancelled.Token));

        Assert.Equal(StatusCode.Unavailable, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task a_successful_call_returns_its_result()
    {
        Assert.Equal(42, await Cancellation.Surface(() => Task.FromResult(42), CancellationToken.None));
    }
}
