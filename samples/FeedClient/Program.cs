using Affairs.Samples.FeedClient;

// A district system that follows the Affairs feed: it keeps the last position it handled in a file and resumes from
// there, by long poll (the default) or by server-sent events (--sse).
//   dotnet run --project samples/FeedClient -- [--url http://127.0.0.1:5080] [--key demo-integration-key] [--sse] [--category case]
var options = FeedClientOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var checkpoint = new Checkpoint(options.CheckpointFile);
var client = new FeedFollower(options, checkpoint, Console.Out);
try
{
    await (options.ServerSentEvents ? client.FollowEventsAsync(cancel.Token) : client.PollAsync(cancel.Token));
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
}

Console.WriteLine($"Stopped at position {checkpoint.Position}.");
