namespace Affairs.Workflows.Ledger;

/// <summary>A ledger digest recorded in the log that the log no longer matches.</summary>
/// <param name="Position">Where the digest was recorded.</param>
/// <param name="Events">How many events it covered.</param>
/// <param name="LastPosition">The last position it covered.</param>
/// <param name="EventsNow">How many events the log now holds up to that position.</param>
/// <param name="Streams">The streams whose head it recorded and which no longer end there with that hash (their last revision gone, or rewritten).</param>
/// <param name="Problem">What does not match, in words.</param>
public sealed record RecordedDigestCheck(long Position, long Events, long LastPosition, long EventsNow, IReadOnlyList<string> Streams, string Problem);
