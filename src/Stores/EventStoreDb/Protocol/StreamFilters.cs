using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using FilterOptions = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadReq.Types.Options.Types.FilterOptions;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>
/// Server-side filters on <c>$all</c>: a category is the stream-name prefix <c>category-</c> (a category has no dash, so the
/// prefix selects exactly its streams; several categories are several prefixes, any of which selects); the port's "every event"
/// is the streams a port stream name can name: it leaves out EventStoreDB's own system streams (<c>$</c>…: statistics,
/// settings, projection links) and streams without a <c>-</c> (the scheduler's lease stream), which are not events of this application.
/// </summary>
internal static class StreamFilters
{
    /// <summary>Stream names that do not start with <c>$</c> and have a <c>-</c>.</summary>
    public const string ApplicationStreams = "^(?![$])[^-]*-";

    public static FilterOptions For(SubscriptionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var expression = new FilterOptions.Types.Expression();
        if (!filter.IsAll)
        {
            expression.Prefix.AddRange(filter.Categories.Select(category => category + "-"));
        }
        else
        {
            expression.Regex = ApplicationStreams;
        }

        return new FilterOptions
        {
            StreamIdentifier = expression,
            // No search window: the server scans until it has the events asked for. A subscription reports a checkpoint
            // every window (32 events considered) times this multiplier; the adapter ignores checkpoints.
            Count = new Empty(),
            CheckpointIntervalMultiplier = 1,
        };
    }
}
