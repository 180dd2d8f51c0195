namespace Affairs.Workflows.Ledger;

/// <summary>Where one stream stood when a ledger digest was recorded.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="Revision">Its last revision then.</param>
/// <param name="Hash">The hash of that event's stored bytes, as the ledger chain folds it in (its stream's chain hash included).</param>
public sealed record StreamHead(string Stream, long Revision, string Hash);
