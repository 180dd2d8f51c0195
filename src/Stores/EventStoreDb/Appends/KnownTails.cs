using System.Collections.Concurrent;
using Affairs.EventStore;

namespace Affairs.Stores.EventStoreDb.Appends;

/// <summary>
/// The end of each stream as this process last wrote it: the revision and the ids of the last batch. An append expecting
/// any or stream-exists can then be decided without reading the tail first — the round trip that made such appends
/// several times slower than exact ones — and written at the exact revision remembered: the server refuses that write
/// if anyone appended since, and the adapter then reads the tail as before. Where the remembered tail cannot rule out a
/// retry of the same batch, the tail is read too. Bounded: when full it starts again empty.
/// </summary>
internal sealed class KnownTails
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<StreamName, Tail> _tails = new();

    /// <summary>The stream's end: the last revision and the ids of the last batch written there, oldest first.</summary>
    internal sealed record Tail(long Revision, Guid[] LastIds);

    /// <summary>Remembers that <paramref name="events"/> now end <paramref name="stream"/> at <paramref name="lastRevision"/>.</summary>
    public void Wrote(StreamName stream, long lastRevision, IReadOnlyList<EventToAppend> events)
    {
        if (_tails.Count >= Capacity)
        {
            _tails.Clear();
        }

        _tails[stream] = new Tail(lastRevision, events.Select(e => e.EventId).ToArray());
    }

    /// <summary>Forgets the stream's end: an append whose outcome is unknown, or a remembered end the server refused.</summary>
    public void Forget(StreamName stream) => _tails.TryRemove(stream, out _);

    /// <summary>
    /// The exact expectation to write at without reading, or null when the tail must be read: nothing is remembered,
    /// the port's rules say conflict, or the remembered batch may be this one (a retry).
    /// </summary>
    public ExpectedRevision? WriteAt(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events) =>
        _tails.TryGetValue(stream, out var tail) ? Decide(tail, expected, events) : null;

    /// <summary>The decision for a remembered <paramref name="tail"/> (see <see cref="WriteAt"/>).</summary>
    internal static ExpectedRevision? Decide(Tail tail, ExpectedRevision expected, IReadOnlyList<EventToAppend> events)
    {
        var decision = AppendDecision.Decide(expected, tail.Revision, events.Count);
        var at = tail.Revision == StreamRevision.None ? ExpectedRevision.NoStream : ExpectedRevision.Exact(tail.Revision);
        return decision.Kind switch
        {
            AppendDecisionKind.Write => at,
            AppendDecisionKind.CheckRetry when !decision.ConflictUnlessRetry
                && tail.LastIds.Length >= events.Count
                && !AppendDecision.IsRetry(tail.LastIds[^events.Count..], events) => at,
            _ => null,
        };
    }
}
