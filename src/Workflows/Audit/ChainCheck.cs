namespace Affairs.Workflows.Audit;

/// <summary>The result of recomputing one stream's hash chain.</summary>
/// <param name="Stream">The stream checked.</param>
/// <param name="EventsChecked">How many events were recomputed.</param>
/// <param name="FirstBrokenRevision">The first event whose stored hash does not match (or the first one missing), or null when the chain is whole.</param>
/// <param name="Problem">What does not match, in words.</param>
/// <param name="CoveredBy">
/// The latest ledger digest recorded in the log that saw this stream written, and the revision it saw: the stream must
/// still reach that revision with the same hash. Null when no recorded digest covers the stream yet (or when a category
/// was checked): then losing the stream's last events, or rewriting the stream with every later hash recomputed, leaves
/// nothing in the log to notice it by, and only a ledger digest kept outside shows it.
/// </param>
public sealed record ChainCheck(string Stream, long EventsChecked, long? FirstBrokenRevision, string? Problem, DigestCoverage? CoveredBy = null)
{
    /// <summary>Whether every event matched.</summary>
    public bool Valid => FirstBrokenRevision is null;
}
