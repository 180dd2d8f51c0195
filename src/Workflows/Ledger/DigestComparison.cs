namespace Affairs.Workflows.Ledger;

/// <summary>The log compared with a ledger digest kept outside.</summary>
/// <param name="Events">How many events the digest covered.</param>
/// <param name="LastPosition">The last position it covered.</param>
/// <param name="Matches">Whether the log still holds exactly those events, unchanged and in the same order.</param>
/// <param name="EventsNow">How many events the log now holds up to that position.</param>
/// <param name="EventsAfter">How many events were appended after it (these are fine).</param>
/// <param name="FirstDivergence">Where the log first departs from the digest, when it does.</param>
public sealed record DigestComparison(long Events, long LastPosition, bool Matches, long EventsNow, long EventsAfter, LedgerDivergence? FirstDivergence);
