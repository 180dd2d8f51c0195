namespace Affairs.Samples.FeedClient;

/// <summary>Where the feed is, who the client is, and how it follows the feed.</summary>
internal sealed record FeedClientOptions(Uri BaseUrl, string ApiKey, string? Category, bool ServerSentEvents, string CheckpointFile)
{
    public static FeedClientOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new FeedClientOptions(
            new Uri(Value("--url") ?? "http://127.0.0.1:5080"),
            Value("--key") ?? "demo-integration-key",
            Value("--category"),
            args.Contains("--sse"),
            Value("--checkpoint") ?? "feed-position.txt");
    }
}
