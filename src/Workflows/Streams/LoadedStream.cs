using System.Collections.Immutable;
using Affairs.EventStore;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Streams;

/// <summary>A stream read and folded: its state, its revision and the hash its next event must chain to.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="State">The folded state.</param>
/// <param name="Revision">The revision of the last event read, <see cref="StreamRevision.None"/> for a new stream.</param>
/// <param name="LastHash">The chain hash of the last event read, empty for a new stream.</param>
/// <param name="Events">The decoded events, in order.</param>
public sealed record LoadedStream<TState>(StreamName Stream, TState State, long Revision, string LastHash, IReadOnlyList<DecodedEvent> Events)
{
    /// <summary>What each command with an idempotency key did to this stream, by <see cref="KeyedOutcome.Id"/>.</summary>
    public ImmutableDictionary<string, KeyedOutcome> Outcomes { get; init; } = ImmutableDictionary<string, KeyedOutcome>.Empty;

    /// <summary>Whether the stream has any event.</summary>
    public bool Exists => Revision != StreamRevision.None;

    /// <summary>The expectation for appending after what was read.</summary>
    public ExpectedRevision Expected => Exists ? ExpectedRevision.Exact(Revision) : ExpectedRevision.NoStream;

    /// <summary>A stream with no event: <paramref name="initial"/> at no revision, to read onto or to start.</summary>
    public static LoadedStream<TState> Empty(StreamName stream, TState initial) => new(stream, initial, StreamRevision.None, string.Empty, []);
}
