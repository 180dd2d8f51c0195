using Affairs.EventStore;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Timers;

namespace Affairs.Host.Feed;

/// <summary>What a client asked of the feed: where to start, which events, and whether it may see personal data.</summary>
/// <param name="After">The last position the client has.</param>
/// <param name="Category">Only this stream category, if given.</param>
/// <param name="AffairTypeId">Only case events of this affair type (and the type's own publications), if given.</param>
/// <param name="Unmasked">Whether personal data goes out unmasked.</param>
internal sealed record FeedQuery(long After, string? Category, string? AffairTypeId, bool Unmasked)
{
    /// <summary>Categories that are bookkeeping (idempotency, ledger digests, API keys, the timer scheduler's lease) or the audit of reads (identity lookups), not facts of the centre, and never go out.</summary>
    public static readonly IReadOnlySet<string> Internal = new HashSet<string>(StringComparer.Ordinal) { "idempotency", "ledger", ApiKeyStreams.Category, "lookup", StreamSchedulerLease.Stream.Category };

    public SubscriptionFilter StoreFilter => Category is { Length: > 0 } category ? SubscriptionFilter.ForCategory(category) : SubscriptionFilter.All;
}
