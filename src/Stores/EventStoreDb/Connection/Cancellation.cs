using Grpc.Core;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>
/// Turns a gRPC call that ended because the caller cancelled into <see cref="OperationCanceledException"/>, as the port
/// promises. (The channel's own option for this also reports a refused connection as a cancellation, so it stays off.)
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
    }
}
