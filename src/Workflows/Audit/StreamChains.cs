using System.Globalization;
using Affairs.EventStore;
using Affairs.Workflows.Events;
using Affairs.Workflows.Ledger;

namespace Affairs.Workflows.Audit;

/// <summary>
/// Follows the hash chains of any number of streams as their events come, in revision order within each stream: each
/// event must carry the next revision and a hash equal to SHA-256 over its stored type, data, metadata less the hash and
/// the previous event's stored hash. Keeps the first break of each stream, and each stream's head as stored.
/// Events written without any hash (every event of a stream up to its first hashed one: affair-type and policy
/// publications are written so today) are not a break; those streams are listed as unchained, and only a ledger digest
/// vouches for them.
/// </summary>
internal sealed class StreamChains
{
    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChainCheck> _broken = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _unchained = new(StringComparer.Ordinal);

    /// <summary>A stream's last event seen: its revision, its hash in the ledger chain (<see cref="LedgerChain"/>), its stored hash, how many events came and whether any carried a hash.</summary>
    public readonly record struct Head(long Revision, string Hash, string Sealed, long Count, bool Chained);

    public int Streams => _heads.Count;

    public IReadOnlyList<ChainCheck> Broken => [.. _broken.Values];

    public IEnumerable<string> Names => _heads.Keys;

    /// <summary>The streams that hold events written without a hash.</summary>
    public IReadOnlyList<string> Unchained => [.. _unchained];

    public Head? HeadOf(string stream) => _heads.TryGetValue(stream, out var head) ? head : null;

    public ChainCheck? BrokenOf(string stream) => _broken.GetValueOrDefault(stream);

    /// <summary>Checks one more event of its stream; returns its hash in the ledger chain (<see cref="LedgerVerifier.LinkHash"/>).</summary>
    public string Check(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var stream = recorded.Stream.Value;
        var previous = _heads.GetValueOrDefault(stream, new Head(StreamRevision.None, string.Empty, string.Empty, 0, false));
        var (recomputed, sealedHash) = EventCodec.Rehash(recorded, previous.Sealed);
        var link = LedgerVerifier.LinkHash(recorded);
        var head = new Head(recorded.Revision, link, sealedHash, previous.Count + 1, previous.Chained || sealedHash.Length > 0);
        _heads[stream] = head;
        if (!head.Chained)
        {
            _unchained.Add(stream);
        }

        if (!_broken.ContainsKey(stream) && Problem(recorded, previous, recomputed, sealedHash) is { } problem)
        {
            _broken[stream] = new ChainCheck(stream, head.Count, recorded.Revision, problem);
        }

        return link;
    }

    private static string? Problem(RecordedEvent recorded, Head previous, string recomputed, string sealedHash)
    {
        var previousRevision = previous.Revision;
        var expected = previousRevision + 1;
        if (recorded.Revision > expected)
        {
            var missing = recorded.Revision - 1 == expected ? $"Revision {expected} is" : $"Revisions {expected}–{recorded.Revision - 1} are";
            return string.Create(CultureInfo.InvariantCulture, $"{missing} missing: the next event (position {recorded.Position}) has revision {recorded.Revision}.");
        }

        if (recorded.Revision < expected)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Event {recorded.Revision} (position {recorded.Position}) comes after revision {previousRevision} in the log: events were reordered.");
        }

        if (sealedHash.Length == 0)
        {
            return previous.Chained ? $"Event {recorded.Revision} carries no hash, though an earlier one does." : null;
        }

        return string.Equals(recomputed, sealedHash, StringComparison.Ordinal)
            ? null
            : $"Event {recorded.Revision} ({recorded.Type}) does not match its hash: its content or an earlier hash was changed after it was written.";
    }
}
