using Affairs.EventStore;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Ledger;

/// <summary>The stream the recorded ledger digests live in, and its fold: the last digest recorded.</summary>
public static class LedgerStreams
{
    /// <summary>The stream, <c>ledger-digests</c>.</summary>
    public static StreamName Digests { get; } = StreamName.For("ledger", "digests");

    /// <summary>Folds the stream to its last recorded digest (null before the first).</summary>
    public static IStateFold<LedgerDigestRecorded?> Fold { get; } = new LastDigest();

    private sealed class LastDigest : IStateFold<LedgerDigestRecorded?>
    {
        public LedgerDigestRecorded? Initial => null;

        public LedgerDigestRecorded? Apply(LedgerDigestRecorded? state, object @event) => @event as LedgerDigestRecorded ?? state;
    }
}
