namespace Affairs.EventStore;

/// <summary>Which way a stream read walks.</summary>
public enum ReadDirection
{
    /// <summary>From the given revision towards the end.</summary>
    Forwards,

    /// <summary>From the given revision towards revision 0.</summary>
    Backwards,
}
