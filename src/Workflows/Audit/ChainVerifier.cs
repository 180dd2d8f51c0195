using Affairs.EventStore;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Audit;

/// <summary>
/// Recomputes hash chains from the stored bytes, trusting nothing decoded: each event's hash must equal SHA-256 over its
/// type, data, metadata less the hash, and the previous event's stored hash. An edited event breaks its own hash; an
/// edited event whose hash was rewritten too breaks the next one. (Rewriting every later hash as well is only caught by
/// comparing with a copy of a hash kept elsewhere, such as the feed's consumers or a periodic export.)
/// </summary>
public sealed class ChainVerifier(IEventStore store)
{
    /// <summary>Checks one stream.</summary>
    public async Task<ChainCheck> VerifyAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        var previous = string.Empty;
        long checkedCount = 0;
        await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            checkedCount++;
            if (Mismatch(recorded, ref previous) is { } problem)
            {
                return new ChainCheck(stream.Value, checkedCount, recorded.Revision, problem);
            }
        }

        return new ChainCheck(stream.Value, checkedCount, null, null);
    }

    /// <summary>
    /// Checks every stream of a category in one pass over the log, in global order, reporting the first broken event of
    /// each broken stream. Memory grows with the number of streams, not events.
    /// </summary>
    /// <param name="category">The category (<c>case</c>).</param>
    /// <param name="progress">Receives the number of events checked so far, every 1,000 events.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public async Task<(long Streams, long Events, IReadOnlyList<ChainCheck> Broken)> VerifyCategoryAsync(
        string category,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var broken = new Dictionary<string, ChainCheck>(StringComparer.Ordinal);
        long events = 0;
        await foreach (var recorded in store.ReadAllAsync(SubscriptionFilter.ForCategory(category), 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var stream = recorded.Stream.Value;
            counts[stream] = counts.GetValueOrDefault(stream) + 1;
            if (++events % 1000 == 0)
            {
                progress?.Report(events);
            }

            if (broken.ContainsKey(stream))
            {
                continue;
            }

            var previous = last.GetValueOrDefault(stream, string.Empty);
            if (Mismatch(recorded, ref previous) is { } problem)
            {
                broken[stream] = new ChainCheck(stream, counts[stream], recorded.Revision, problem);
            }

            last[stream] = previous;
        }

        progress?.Report(events);
        return (counts.Count, events, [.. broken.Values]);
    }

    private static string? Mismatch(RecordedEvent recorded, ref string previous)
    {
        var (recomputed, sealedHash) = EventCodec.Rehash(recorded, previous);
        if (sealedHash.Length == 0)
        {
            return $"Event {recorded.Revision} carries no hash.";
        }

        if (!string.Equals(recomputed, sealedHash, StringComparison.Ordinal))
        {
            return $"Event {recorded.Revision} ({recorded.Type}) does not match its hash: its content or an earlier hash was changed after it was written.";
        }

        previous = sealedHash;
        return null;
    }
}
