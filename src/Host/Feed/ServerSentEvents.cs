using System.Text.Json;
using Affairs.Host.Privacy;

namespace Affairs.Host.Feed;

/// <summary>
/// Writes feed events as server-sent events (<c>id:</c> the position, <c>event:</c> the type, <c>data:</c> the event),
/// with a comment line every <see cref="Heartbeat"/> so that proxies keep an idle connection open.
/// </summary>
internal static class ServerSentEvents
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task WriteAsync(HttpResponse response, IAsyncEnumerable<FeedEvent> events, CancellationToken ct)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        using var writing = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await WriteLockedAsync(response, writing, ": affairs feed\n\n", ct);
        var heartbeat = KeepAliveAsync(response, writing, stop.Token);
        try
        {
            await foreach (var feedEvent in events.WithCancellation(ct))
            {
                var json = JsonSerializer.Serialize(feedEvent, PersonalDataJson.Unmasked);
                await WriteLockedAsync(response, writing, $"id: {feedEvent.Position}\nevent: {feedEvent.Type}\ndata: {json}\n\n", ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeat;
        }
    }

    private static async Task KeepAliveAsync(HttpResponse response, SemaphoreSlim writing, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await WriteLockedAsync(response, writing, ": keep-alive\n\n", ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WriteLockedAsync(HttpResponse response, SemaphoreSlim writing, string text, CancellationToken ct)
    {
        await writing.WaitAsync(ct);
        try
        {
            await response.WriteAsync(text, ct);
            await response.Body.FlushAsync(ct);
        }
        finally
        {
            writing.Release();
        }
    }
}
