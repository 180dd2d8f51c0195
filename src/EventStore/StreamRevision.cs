namespace Affairs.EventStore;

/// <summary>Well-known values of a stream revision (the 0-based index of an event within its stream).</summary>
public static class StreamRevision
{
    /// <summary>The revision of a stream with no events: the revision before the first event.</summary>
    public const long None = -1;

    /// <summary>Reading backwards from here starts at the stream's last event.</summary>
    public const long End = long.MaxValue;
}
