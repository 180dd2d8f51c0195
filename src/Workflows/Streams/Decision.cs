namespace Affairs.Workflows.Streams;

/// <summary>What a command decided: the events to append and how to answer once they are stored.</summary>
/// <typeparam name="TResult">The command's answer.</typeparam>
/// <param name="Events">The new events; none means the command changes nothing.</param>
/// <param name="Answer">
/// Builds the answer from the stream's revision after the command (the revision as read, when there are no events).
/// It is worked out before the append, so that a command with an idempotency key stores it with its events.
/// </param>
public sealed record Decision<TResult>(IReadOnlyList<object> Events, Func<long, TResult> Answer);
