using Affairs.EventStore;
using Grpc.Core;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>
/// Turns the way a gRPC call ended into the port's exceptions, so that no <see cref="RpcException"/> leaves the adapter:
/// a call the caller cancelled is <see cref="OperationCanceledException"/>; a node that cannot be reached, times out,
/// aborts the call, is overloaded, ends the call itself or is not the leader is <see cref="EventStoreUnavailableException"/>; anything else
/// (refused credentials, a protocol error) is an <see cref="InvalidOperationException"/> naming the status code. (The
/// channel's own option for cancellation also reports a refused connection as a cancellation, so it stays off.)
/// </summary>
internal static class Cancellation
{
    public static async Task<T> Surface<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The call was cancelled.", error, cancellationToken);
        }
        catch (RpcException error)
        {
            throw Translate(error);
        }
    }

    /// <summary>The port's exception for a call that ended with <paramref name="error"/>.</summary>
    public static Exception Translate(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return NodeFailures.CallsForAnotherNode(error, CancellationToken.None)
            ? new EventStoreUnavailableException($"The EventStoreDB node cannot be reached ({error.StatusCode}).", error)
            : new InvalidOperationException($"The EventStoreDB node refused the call ({error.StatusCode}).", error);
    }
}
