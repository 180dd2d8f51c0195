using Affairs.EventStore;

namespace Affairs.Workflows.Streams;

/// <summary>What a command decided: the events to append and how to answer once they are stored.</summary>
/// <typeparam name="TResult">The command's answer.</typeparam>
/// <param name="Events">The new events; none means the command changes nothing.</param>
/// <param name="Answer">Builds the answer from the append's outcome (or, with no events, from the stream as read).</param>
public sealed record Decision<TResult>(IReadOnlyList<object> Events, Func<AppendResult?, TResult> Answer);
