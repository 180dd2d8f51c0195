using Affairs.Workflows.Audit;

namespace Affairs.Workflows.Ledger;

/// <summary>The result of checking the whole log: every stream's chain, the digests recorded in the log, and a digest kept outside.</summary>
/// <param name="Streams">How many streams were checked, of every category.</param>
/// <param name="StreamsByCategory">How many streams of each category (<c>case</c>, <c>resident</c>, <c>ledger</c>, …).</param>
/// <param name="Events">How many events were checked.</param>
/// <param name="LastPosition">The position of the last event.</param>
/// <param name="Digest">The ledger chain's link after the last event: what a digest computed now would say.</param>
/// <param name="Broken">The first broken event of each broken stream.</param>
/// <param name="Unchained">Streams holding events written without a hash chain (today the affair-type and policy publications): not a break, but only a ledger digest vouches for their content.</param>
/// <param name="RecordedDigests">How many ledger digests recorded in the log were compared with the log.</param>
/// <param name="RecordedDigestsBroken">Those that no longer match what the log holds.</param>
/// <param name="Against">The comparison with the digest given, if one was.</param>
public sealed record LedgerCheck(
    long Streams,
    IReadOnlyDictionary<string, long> StreamsByCategory,
    long Events,
    long LastPosition,
    string Digest,
    IReadOnlyList<ChainCheck> Broken,
    IReadOnlyList<string> Unchained,
    long RecordedDigests,
    IReadOnlyList<RecordedDigestCheck> RecordedDigestsBroken,
    DigestComparison? Against)
{
    /// <summary>Whether every chain is whole, every recorded digest matches and so does the digest given.</summary>
    public bool Valid => Broken.Count == 0 && RecordedDigestsBroken.Count == 0 && (Against?.Matches ?? true);
}
