using System.Globalization;
using Affairs.EventStore;
using Affairs.Workflows.Ledger;

namespace Affairs.Workflows.Audit;

/// <summary>
/// Recomputes hash chains from the stored bytes, trusting nothing decoded: each event's hash must equal SHA-256 over its
/// type, data, metadata less the hash, and the previous event's stored hash, and revisions must follow one another. An
/// edited event breaks its own hash; an edited event whose hash was rewritten too breaks the next one; a deleted event
/// leaves a gap. What the stream alone cannot show — its last events deleted, or every later hash recomputed — one
/// stream's check compares with the latest ledger digest recorded in the log; <see cref="LedgerVerifier"/> checks the
/// whole log against a digest kept outside.
/// </summary>
public sealed class ChainVerifier(IEventStore store, LedgerRecords records)
{
    /// <summary>Checks one stream, and that it still reaches the revision and hash the latest recorded ledger digest saw.</summary>
    public async Task<ChainCheck> VerifyAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        var covered = await records.FindHeadAsync(stream, cancellationToken).ConfigureAwait(false);
        var chains = new StreamChains();
        string? hashAtCovered = null;
        await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var hash = chains.Check(recorded);
            if (chains.BrokenOf(stream.Value) is { } broken)
            {
                return broken with { CoveredBy = Coverage(covered) };
            }

            hashAtCovered = recorded.Revision == covered?.Head.Revision ? hash : hashAtCovered;
        }

        var head = chains.HeadOf(stream.Value);
        var check = new ChainCheck(stream.Value, head?.Count ?? 0, null, null, Coverage(covered));
        return covered is { } seen ? Compare(check, head?.Revision ?? StreamRevision.None, hashAtCovered, seen.Record, seen.Head) : check;
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
        var chains = new StreamChains();
        long events = 0;
        await foreach (var recorded in store.ReadAllAsync(SubscriptionFilter.ForCategory(category), 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            chains.Check(recorded);
            if (++events % 1000 == 0)
            {
                progress?.Report(events);
            }
        }

        progress?.Report(events);
        return (chains.Streams, events, chains.Broken);
    }

    private static DigestCoverage? Coverage((RecordedDigest Record, StreamHead Head)? covered) =>
        covered is { } seen ? new DigestCoverage(seen.Record.Position, seen.Head.Revision) : null;

    private static ChainCheck Compare(ChainCheck check, long lastRevision, string? hashAtCovered, RecordedDigest record, StreamHead head)
    {
        if (lastRevision < head.Revision)
        {
            var missing = lastRevision + 1 == head.Revision ? $"Revision {head.Revision} is" : $"Revisions {lastRevision + 1}–{head.Revision} are";
            return check with
            {
                FirstBrokenRevision = lastRevision + 1,
                Problem = string.Create(CultureInfo.InvariantCulture, $"{missing} missing: the ledger digest recorded at position {record.Position} saw the stream at revision {head.Revision}, and it now ends at {lastRevision}."),
            };
        }

        return string.Equals(hashAtCovered, head.Hash, StringComparison.Ordinal)
            ? check
            : check with
            {
                FirstBrokenRevision = head.Revision,
                Problem = string.Create(CultureInfo.InvariantCulture, $"The hash of revision {head.Revision} is not the one the ledger digest recorded at position {record.Position} saw: this or an earlier event was rewritten, with every later hash recomputed."),
            };
    }
}
