using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Affairs.Samples.FeedClient;

/// <summary>Follows the feed from the checkpoint on, by long poll or by server-sent events, and handles each event.</summary>
internal sealed class FeedFollower(FeedClientOptions options, Checkpoint checkpoint, TextWriter output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = CreateClient(options);

    public async Task PollAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var page = await _http.GetFromJsonAsync<FeedPage>($"/api/feed?after={checkpoint.Position}&wait=25{Filter()}", Json, ct);
                foreach (var feedEvent in page!.Events)
                {
                    Handle(feedEvent);
                }

                checkpoint.Save(page.LastPosition);
            }
            catch (HttpRequestException e)
            {
                output.WriteLine($"Feed unavailable ({e.Message}); retrying in 5 s.");
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
        }
    }

    public async Task FollowEventsAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/feed?{Filter().TrimStart('&')}");
                request.Headers.Add("Accept", "text/event-stream");
                request.Headers.Add("Last-Event-ID", checkpoint.Position.ToString(CultureInfo.InvariantCulture));
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        var feedEvent = JsonSerializer.Deserialize<FeedEvent>(line[6..], Json)!;
                        Handle(feedEvent);
                        checkpoint.Save(feedEvent.Position);
                    }
                }
            }
            catch (HttpRequestException e)
            {
                output.WriteLine($"Feed unavailable ({e.Message}); reconnecting in 5 s.");
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
        }
    }

    private void Handle(FeedEvent feedEvent) =>
        output.WriteLine($"{feedEvent.Position,8} {feedEvent.RecordedAt:u} {feedEvent.Type,-28} {feedEvent.Category}-{feedEvent.StreamId} by {feedEvent.ActorId}");

    private string Filter() => options.Category is { } category ? $"&category={Uri.EscapeDataString(category)}" : string.Empty;

    private static HttpClient CreateClient(FeedClientOptions options)
    {
        var http = new HttpClient { BaseAddress = options.BaseUrl, Timeout = options.ServerSentEvents ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
        return http;
    }
}
