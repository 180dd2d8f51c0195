namespace Affairs.Workflows.Ledger;

/// <summary>
/// What an auditor keeps outside the engine to prove later that the log still holds everything it held then:
/// the last link of <see cref="LedgerChain"/> over every event up to <see cref="LastPosition"/>, and fingerprints of the
/// links along the way so that a check names where a changed log departs from it.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="Events">How many events the digest covers: every event in the log up to <paramref name="LastPosition"/>.</param>
/// <param name="LastPosition">The global position of the last event covered (0 for an empty log).</param>
/// <param name="Digest">The link after the last event covered, 64 lower-case hex digits (empty for an empty log).</param>
/// <param name="Stride">Fingerprints are taken after every <paramref name="Stride"/>-th event: 1 up to 65,536 events, so that a check names the very event; more beyond, keeping the digest under 350 kB.</param>
/// <param name="Fingerprints">Base64 of four bytes per fingerprint: the first four bytes of the link after events <c>Stride</c>, <c>2·Stride</c>, ….</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record LedgerDigest(string Format, long Events, long LastPosition, string Digest, int Stride, string Fingerprints, DateTimeOffset ComputedAt)
{
    /// <summary>The format this engine writes and reads.</summary>
    public const string FormatName = "affairs.ledger-digest.v1";

    /// <summary>The most fingerprints a digest carries.</summary>
    public const int MaxFingerprints = 65_536;
}
