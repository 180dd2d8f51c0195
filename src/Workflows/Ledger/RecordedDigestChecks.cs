using System.Globalization;
using Affairs.Workflows.Audit;

namespace Affairs.Workflows.Ledger;

/// <summary>
/// Follows a walk of the log against the digests recorded in it: when the walk passes a record's last position, the
/// ledger chain must have reached the record's link with as many events, and every stream head it recorded must still
/// be where it was.
/// </summary>
internal sealed class RecordedDigestChecks(IReadOnlyList<RecordedDigest> records)
{
    private readonly Queue<RecordedDigest> _pending = new(records.OrderBy(r => r.Digest.LastPosition));
    private readonly List<RecordedDigestCheck> _broken = [];

    public long Checked { get; private set; }

    public IReadOnlyList<RecordedDigestCheck> Broken => _broken;

    /// <summary>Compares every record covering less than <paramref name="position"/>, before the event there is walked.</summary>
    public void Before(long position, LedgerLinks links, StreamChains chains)
    {
        while (_pending.TryPeek(out var record) && record.Digest.LastPosition < position)
        {
            _pending.Dequeue();
            Checked++;
            var digest = record.Digest;
            if (links.Events == digest.Events && string.Equals(links.Digest, digest.Digest, StringComparison.Ordinal))
            {
                continue;
            }

            var moved = digest.Heads
                .Where(h => chains.HeadOf(h.Stream) is not { } now || now.Revision != h.Revision || !string.Equals(now.Hash, h.Hash, StringComparison.Ordinal))
                .Select(h => h.Stream)
                .ToList();
            var streams = moved.Count == 0 ? string.Empty : $" Streams no longer where it saw them: {string.Join(", ", moved)}.";
            _broken.Add(new RecordedDigestCheck(
                record.Position,
                digest.Events,
                digest.LastPosition,
                links.Events,
                moved,
                string.Create(CultureInfo.InvariantCulture, $"The ledger digest recorded at position {record.Position} covered {digest.Events} events through position {digest.LastPosition}; the log now holds {links.Events} there, and they do not chain to its digest.{streams}")));
        }
    }
}
