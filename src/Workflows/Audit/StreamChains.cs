using System.Globalization;
using Affairs.EventStore;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Audit;

/// <summary>
/// Follows the hash chains of any number of streams as their events come, in revision order within each stream: each
/// event must carry the next revision and a hash equal to SHA-256 over its stored type, data, metadata less the hash and
/// the previous event's stored hash. Keeps the first break of each stream, and each stream's head as stored.
/// </summary>
internal sealed class StreamChains
{
    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChainCheck> _broken = new(StringComparer.Ordinal);

    /// <summary>A stream's last event seen: its revision, its stored hash and how many events came.</summary>
    public readonly record struct Head(long Revision, string Hash, long Count);

    public int Streams => _heads.Count;

    public IReadOnlyList<ChainCheck> Broken => [.. _broken.Values];

    public IEnumerable<string> Names => _heads.Keys;

    public Head? HeadOf(string stream) => _heads.TryGetValue(stream, out var head) ? head : null;

    public ChainCheck? BrokenOf(string stream) => _broken.GetValueOrDefault(stream);

    /// <summary>Checks one more event of its stream; returns the hash stored with it (empty when it carries none).</summary>
    public string Check(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var stream = recorded.Stream.Value;
        var previous = _heads.GetValueOrDefault(stream, new Head(StreamRevision.None, string.Empty, 0));
        var (recomputed, sealedHash) = EventCodec.Rehash(recorded, previous.Hash);
        var head = new Head(recorded.Revision, sealedHash, previous.Count + 1);
        _heads[stream] = head;
        if (!_broken.ContainsKey(stream) && Problem(recorded, previous.Revision, recomputed, sealedHash) is { } problem)
        {
            _broken[stream] = new ChainCheck(stream, head.Count, recorded.Revision, problem);
        }

        return sealedHash;
    }

    private static string? Problem(RecordedEvent recorded, long previousRevision, string recomputed, string sealedHash)
    {
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
            return $"Event {recorded.Revision} carries no hash.";
        }

        return string.Equals(recomputed, sealedHash, StringComparison.Ordinal)
            ? null
            : $"Event {recorded.Revision} ({recorded.Type}) does not match its hash: its content or an earlier hash was changed after it was written.";
    }
}
