namespace Affairs.Stores.Sqlite;

/// <summary>A stream as the writer sees it inside a batch: its row id (0 before it exists) and last revision.</summary>
internal readonly record struct StreamState(long Id, long Revision);
