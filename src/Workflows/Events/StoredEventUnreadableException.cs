using Affairs.EventStore;

namespace Affairs.Workflows.Events;

/// <summary>
/// A stored event whose data does not read as its type: the record was changed outside the engine (the ledger's
/// verification names the stream), or written by something else under a type name this engine owns. Nothing that
/// reads the event can go on as if it were there; what reads many events may pass over it and say so.
/// </summary>
public sealed class StoredEventUnreadableException : Exception
{
    /// <summary>Creates the exception for <paramref name="recorded"/>; <paramref name="inner"/> is why it did not read.</summary>
    public StoredEventUnreadableException(RecordedEvent recorded, Exception? inner)
        : base(Describe(recorded), inner)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        Stream = recorded.Stream.Value;
        Revision = recorded.Revision;
        Position = recorded.Position;
        Type = recorded.Type;
    }

    /// <summary>The stream the event is in.</summary>
    public string Stream { get; }

    /// <summary>Its revision in the stream.</summary>
    public long Revision { get; }

    /// <summary>Its position in the log.</summary>
    public long Position { get; }

    /// <summary>Its stored type name.</summary>
    public string Type { get; }

    private static string Describe(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return $"The stored event {recorded.Type} at revision {recorded.Revision} of {recorded.Stream.Value} (log position {recorded.Position}) does not read as its type; verify the ledger.";
    }
}
