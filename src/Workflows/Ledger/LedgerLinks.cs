using Affairs.EventStore;

namespace Affairs.Workflows.Ledger;

/// <summary>The ledger chain as far as a walk of the log has come.</summary>
internal sealed class LedgerLinks(long events = 0, long lastPosition = 0, string digest = "")
{
    public long Events { get; private set; } = events;

    public long LastPosition { get; private set; } = lastPosition;

    public string Digest { get; private set; } = digest;

    public void Add(RecordedEvent recorded, string eventHash)
    {
        Digest = LedgerChain.Link(Digest, recorded.Position, recorded.Stream.Value, recorded.Revision, eventHash);
        Events++;
        LastPosition = recorded.Position;
    }
}
