namespace Affairs.Workflows.Streams;

/// <summary>
/// A pure fold of a stream's events into its state: the only place state changes. Replay runs only this — never a
/// guard, never a side effect.
/// </summary>
/// <typeparam name="TState">An immutable state record.</typeparam>
public interface IStateFold<TState>
{
    /// <summary>The state of a stream with no events.</summary>
    TState Initial { get; }

    /// <summary>The state after one more event; events it does not know leave the state unchanged.</summary>
    TState Apply(TState state, object @event);
}
