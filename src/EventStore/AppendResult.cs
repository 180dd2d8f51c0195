namespace Affairs.EventStore;

/// <summary>The outcome of a successful append.</summary>
/// <param name="NextExpectedRevision">The stream's revision after the append: the revision of its last event.</param>
/// <param name="LogPosition">The global position of the last event written (for an idempotent retry, of the event written first time).</param>
public sealed record AppendResult(long NextExpectedRevision, long LogPosition);
