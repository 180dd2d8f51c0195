namespace Affairs.Workflows.Ledger;

/// <summary>Where the log first departs from a ledger digest.</summary>
/// <param name="Event">The 1-based number, in the digest's order, of the first event that is not as the digest saw it (the first of a window of <see cref="LedgerDigest.Stride"/> events when the stride is above 1).</param>
/// <param name="AfterPosition">The position of the last event that still matches (0 when none does).</param>
/// <param name="Position">The position of the event the log now has there; null when the log ends first.</param>
/// <param name="Stream">That event's stream.</param>
/// <param name="Revision">That event's revision.</param>
/// <param name="Problem">What departs, in words.</param>
public sealed record LedgerDivergence(long Event, long AfterPosition, long? Position, string? Stream, long? Revision, string Problem);
