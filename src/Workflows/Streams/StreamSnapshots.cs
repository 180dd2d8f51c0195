using System.Collections.Concurrent;

namespace Affairs.Workflows.Streams;

/// <summary>
/// The last state this process knows of each stream, per fold: what a command read, or what it appended. The next
/// command on the stream decides on it without reading first and appends at its revision; the store stays the
/// authority, because that append is refused when anyone else wrote meanwhile, and the command then reads what they
/// wrote and decides again. A stream where that happened is contested: commands on it read before they decide from then
/// on, so streams written from several hosts do not pay a refused append each time. States are immutable (see
/// <see cref="IStateFold{TState}"/>), so a kept one is shared safely. Bounded: past <see cref="Capacity"/> streams it
/// starts again empty.
/// </summary>
internal sealed class StreamSnapshots
{
    /// <summary>How many streams are kept at most.</summary>
    public const int Capacity = 4_096;

    private readonly ConcurrentDictionary<(string Stream, object Fold), object> _kept = new();
    private readonly ConcurrentDictionary<string, bool> _contested = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The state kept for <paramref name="stream"/> under <paramref name="fold"/>, if any.</summary>
    public LoadedStream<TState>? Find<TState>(IStateFold<TState> fold, string stream) =>
        _kept.TryGetValue((stream, fold), out var kept) ? kept as LoadedStream<TState> : null;

    /// <summary>The state a command may decide on without reading first: kept, and the stream not contested.</summary>
    public LoadedStream<TState>? FindUncontested<TState>(IStateFold<TState> fold, string stream) =>
        _contested.ContainsKey(stream) ? null : Find(fold, stream);

    /// <summary>Marks <paramref name="stream"/> as written by someone else while this process held a state of it.</summary>
    public void Contest(string stream) => _contested[stream] = true;

    /// <summary>Keeps <paramref name="loaded"/> (less its events) unless a newer state of the stream is already kept.</summary>
    public void Keep<TState>(IStateFold<TState> fold, LoadedStream<TState> loaded)
    {
        var snapshot = loaded.Events.Count == 0 ? loaded : loaded with { Events = [] };
        _kept.AddOrUpdate(
            (loaded.Stream.Value, fold),
            _ =>
            {
                if (Interlocked.Increment(ref _count) > Capacity)
                {
                    Interlocked.Exchange(ref _count, 0);
                    _kept.Clear();
                    _contested.Clear();
                }

                return snapshot;
            },
            (_, kept) => kept is LoadedStream<TState> k && k.Revision >= snapshot.Revision ? kept : snapshot);
    }
}
