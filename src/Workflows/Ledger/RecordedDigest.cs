namespace Affairs.Workflows.Ledger;

/// <summary>A ledger digest recorded in the log, with where it was recorded.</summary>
/// <param name="Position">The global position of the record itself.</param>
/// <param name="Digest">What it recorded.</param>
public sealed record RecordedDigest(long Position, LedgerDigestRecorded Digest);
