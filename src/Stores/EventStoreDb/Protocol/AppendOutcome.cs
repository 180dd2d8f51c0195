namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>What the server answered to an append.</summary>
/// <param name="Succeeded">True when the events are in the stream (written now, or found there as an idempotent retry).</param>
/// <param name="Revision">On success the stream's revision the server reports; on a conflict its actual revision (-1: no stream).</param>
/// <param name="Position">On success the port position of the last event written; null when the server sent none, as for a retry it recognised.</param>
internal readonly record struct AppendOutcome(bool Succeeded, long Revision, long? Position);
