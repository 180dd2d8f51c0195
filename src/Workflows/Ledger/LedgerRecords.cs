using System.Runtime.CompilerServices;
using Affairs.EventStore;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Ledger;

/// <summary>
/// Reads the ledger digests recorded in the log. A record whose bytes no longer decode is skipped here; the chain
/// check of the <c>ledger</c> stream reports it.
/// </summary>
public sealed class LedgerRecords(IEventStore store, EventCodec codec)
{
    /// <summary>Every recorded digest, in the order recorded.</summary>
    public async Task<IReadOnlyList<RecordedDigest>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var found = new List<RecordedDigest>();
        await foreach (var digest in ReadAsync(ReadDirection.Forwards, 0, cancellationToken).ConfigureAwait(false))
        {
            found.Add(digest);
        }

        return found;
    }

    /// <summary>
    /// The head of <paramref name="stream"/> in the latest recorded digest that saw it written, and where that digest was
    /// recorded; null when no recorded digest covers the stream yet. Reads the records newest first.
    /// </summary>
    public async Task<(RecordedDigest Record, StreamHead Head)?> FindHeadAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        await foreach (var record in ReadAsync(ReadDirection.Backwards, StreamRevision.End, cancellationToken).ConfigureAwait(false))
        {
            if (record.Digest.Heads.FirstOrDefault(h => string.Equals(h.Stream, stream.Value, StringComparison.Ordinal)) is { } head)
            {
                return (record, head);
            }
        }

        return null;
    }

    private async IAsyncEnumerable<RecordedDigest> ReadAsync(ReadDirection direction, long from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var recorded in store.ReadStreamAsync(LedgerStreams.Digests, direction, from, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            LedgerDigestRecorded? digest;
            try
            {
                digest = codec.Decode(recorded).Event as LedgerDigestRecorded;
            }
            catch (Exception unreadable) when (unreadable is StoredEventUnreadableException or InvalidOperationException)
            {
                digest = null;
            }

            if (digest?.Heads is not null)
            {
                yield return new RecordedDigest(recorded.Position, digest);
            }
        }
    }
}
