namespace Affairs.Workflows.Audit;

/// <summary>How far a ledger digest recorded in the log vouches for a stream.</summary>
/// <param name="DigestPosition">The global position of the recorded digest.</param>
/// <param name="Revision">The stream's last revision that digest saw.</param>
public sealed record DigestCoverage(long DigestPosition, long Revision);
