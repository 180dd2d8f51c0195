using System.Collections.Concurrent;

namespace Affairs.Workflows.Streams;

/// <summary>
/// The last state each command found on a stream, per fold, so that the next command on it reads and folds only what
/// was appended since instead of the whole stream. States are immutable (see <see cref="IStateFold{TState}"/>), so a
/// kept one is shared safely; the store stays the authority, since every command still reads the stream's tail
/// before it decides. Bounded: past <see cref="Capacity"/> streams it starts again empty.
/// </summary>
internal sealed class StreamSnapshots
{
    /// <summary>How many streams are kept at most.</summary>
    public const int Capacity = 4_096;

    private readonly ConcurrentDictionary<(string Stream, object Fold), object> _kept = new();
    private int _count;

    /// <summary>The state kept for <paramref name="stream"/> under <paramref name="fold"/>, if any.</summary>
    public LoadedStream<TState>? Find<TState>(IStateFold<TState> fold, string stream) =>
        _kept.TryGetValue((stream, fold), out var kept) ? kept as LoadedStream<TState> : null;

    /// <summary>Keeps <paramref name="loaded"/> (less its events) unless a newer state of the stream is already kept.</summary>
    public void Keep<TState>(IStateFold<TState> fold, LoadedStream<TState> loaded)
    {
        var snapshot = loaded with { Events = [] };
        _kept.AddOrUpdate(
            (loaded.Stream.Value, fold),
            _ =>
            {
                if (Interlocked.Increment(ref _count) > Capacity)
                {
                    Interlocked.Exchange(ref _count, 0);
                    _kept.Clear();
                }

                return snapshot;
            },
            (_, kept) => kept is LoadedStream<TState> k && k.Revision >= snapshot.Revision ? kept : snapshot);
    }
}
