using System.Runtime.CompilerServices;
using Affairs.EventStore;

namespace Affairs.Host.Feed;

/// <summary>Reads the feed in pages (long poll) or as an endless stream (server-sent events), in global order.</summary>
internal sealed class FeedReader(IEventStore store, FeedTranslator translator)
{
    /// <summary>
    /// Up to <paramref name="max"/> events after the query's position. When there are none yet, waits up to
    /// <paramref name="wait"/> for the next one before answering with an empty page.
    /// </summary>
    public async Task<FeedPage> ReadPageAsync(FeedQuery query, int max, TimeSpan wait, CancellationToken ct)
    {
        var page = await ReadAsync(query, max, ct);
        if (page.Events.Count > 0 || wait <= TimeSpan.Zero)
        {
            return page;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            await foreach (var _ in StreamAsync(query with { After = page.LastPosition }, timeout.Token))
            {
                break;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return page;
        }

        return await ReadAsync(query with { After = page.LastPosition }, max, ct);
    }

    /// <summary>Every matching event after the query's position, then each new one as it is committed.</summary>
    public async IAsyncEnumerable<FeedEvent> StreamAsync(FeedQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var recorded in store.SubscribeAsync(query.StoreFilter, query.After, ct))
        {
            if (await translator.TranslateAsync(recorded, query, ct) is { } feedEvent)
            {
                yield return feedEvent;
            }
        }
    }

    private async Task<FeedPage> ReadAsync(FeedQuery query, int max, CancellationToken ct)
    {
        var events = new List<FeedEvent>();
        var last = query.After;
        await foreach (var recorded in store.ReadAllAsync(query.StoreFilter, query.After, max, ct))
        {
            last = recorded.Position;
            if (await translator.TranslateAsync(recorded, query, ct) is { } feedEvent)
            {
                events.Add(feedEvent);
            }
        }

        return new FeedPage(events, last);
    }
}
