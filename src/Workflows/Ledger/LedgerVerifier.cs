using Affairs.Domain.Events;
using Affairs.EventStore;
using Affairs.Workflows.Audit;

namespace Affairs.Workflows.Ledger;

/// <summary>
/// Walks the whole log once, in global order, whatever its streams (cases, residents, households, the organisation,
/// affair types, policies, idempotency records, the ledger's own records and any stream a later version adds): computes
/// the ledger digest, or checks every stream's chain, every digest recorded in the log and, given one, a digest kept
/// outside. Memory grows with the number of streams (and, computing a digest, four bytes per event), not with the data.
/// </summary>
public sealed class LedgerVerifier(IEventStore store, LedgerRecords records, TimeProvider time)
{
    /// <summary>The ledger digest of the log as it is now.</summary>
    /// <param name="progress">Receives the number of events read so far, every 1,000 events.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public async Task<LedgerDigest> ComputeAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var links = new LedgerLinks();
        using var prints = new MemoryStream();
        await foreach (var recorded in store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            links.Add(recorded, LinkHash(recorded));
            prints.Write(LedgerChain.Fingerprint(links.Digest));
            Report(progress, links.Events);
        }

        progress?.Report(links.Events);
        var stride = (int)Math.Max(1, (links.Events + LedgerDigest.MaxFingerprints - 1) / LedgerDigest.MaxFingerprints);
        var all = prints.GetBuffer();
        var kept = new byte[links.Events / stride * 4];
        for (var k = 0; k < kept.Length / 4; k++)
        {
            Array.Copy(all, (((k + 1) * stride) - 1) * 4, kept, k * 4, 4);
        }

        return new LedgerDigest(LedgerDigest.FormatName, links.Events, links.LastPosition, links.Digest, stride, Convert.ToBase64String(kept), time.GetUtcNow());
    }

    /// <summary>
    /// Checks the whole log: every stream's chain from its stored bytes, every ledger digest recorded in the log, and the
    /// log against <paramref name="against"/> when given.
    /// </summary>
    /// <param name="against">A digest kept outside, or null.</param>
    /// <param name="progress">Receives the number of events checked so far, every 1,000 events.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public async Task<LedgerCheck> VerifyAsync(LedgerDigest? against = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var recordedDigests = new RecordedDigestChecks(await records.ReadAllAsync(cancellationToken).ConfigureAwait(false));
        var chains = new StreamChains();
        var links = new LedgerLinks();
        var comparer = against is null ? null : new DigestComparer(against);
        await foreach (var recorded in store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            recordedDigests.Before(recorded.Position, links, chains);
            links.Add(recorded, chains.Check(recorded));
            comparer?.Add(recorded, links);
            Report(progress, links.Events);
        }

        recordedDigests.Before(long.MaxValue, links, chains);
        progress?.Report(links.Events);
        var byCategory = chains.Names
            .GroupBy(name => name[..name.IndexOf('-', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new LedgerCheck(
            chains.Streams,
            new SortedDictionary<string, long>(byCategory, StringComparer.Ordinal),
            links.Events,
            links.LastPosition,
            links.Digest,
            chains.Broken,
            chains.Unchained,
            recordedDigests.Checked,
            recordedDigests.Broken,
            comparer?.Finish());
    }

    /// <summary>
    /// What the ledger chain folds in for an event: SHA-256 over its stored type, data and whole metadata (the stream's
    /// chain hash included), length-prefixed as in <see cref="HashChain"/>. An edit of its bytes changes it whether or not
    /// the stream hashes were recomputed, and an event written without a stream hash is covered all the same.
    /// </summary>
    internal static string LinkHash(RecordedEvent recorded) =>
        HashChain.Compute(recorded.Type, recorded.Data.Span, recorded.Metadata.Span, string.Empty);

    private static void Report(IProgress<long>? progress, long events)
    {
        if (events % 1000 == 0)
        {
            progress?.Report(events);
        }
    }
}
