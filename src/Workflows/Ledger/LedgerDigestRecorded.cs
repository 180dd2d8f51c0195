using Affairs.Domain.Events;

namespace Affairs.Workflows.Ledger;

/// <summary>
/// The engine recorded the ledger digest in the log itself (stream <c>ledger-digests</c>): the link of
/// <see cref="LedgerChain"/> after every event up to <paramref name="LastPosition"/>, and where each stream written since
/// the previous record then stood. Later checks compare the log with these records, so that an event deleted or changed
/// after being covered is found without a copy kept outside — unless the records were changed to suit.
/// </summary>
/// <param name="Events">How many events the digest covers.</param>
/// <param name="LastPosition">The position of the last event covered.</param>
/// <param name="Digest">The link after that event.</param>
/// <param name="Heads">The last revision and hash of every stream written after the previous record, up to <paramref name="LastPosition"/>, by name.</param>
/// <param name="RecordedAt">When it was recorded.</param>
[EventType("ledger.digest-recorded.v1")]
public sealed record LedgerDigestRecorded(long Events, long LastPosition, string Digest, IReadOnlyList<StreamHead> Heads, DateTimeOffset RecordedAt);
