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
    public async Task a_call_the_server_cancelled_stays_an_rpc_error()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Cancellation.Surface(() => Fails(StatusCode.Cancelled), CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task other_failures_pass_through_even_when_the_caller_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Cancellation.Surface(() => Fails(StatusCode.Unavailable), cancelled.Token));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task a_successful_call_returns_its_result()
    {
        Assert.Equal(42, await Cancellation.Surface(() => Task.FromResult(42), CancellationToken.None));
    }
}
