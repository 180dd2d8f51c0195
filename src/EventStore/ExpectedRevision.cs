namespace Affairs.EventStore;

/// <summary>
/// What the writer believes about a stream before an append, as in EventStoreDB:
/// <see cref="Any"/>, <see cref="NoStream"/>, <see cref="StreamExists"/>, or an exact 0-based revision.
/// </summary>
public readonly record struct ExpectedRevision
{
    private const long AnyValue = -2;
    private const long NoStreamValue = -1;
    private const long StreamExistsValue = -4;

    private ExpectedRevision(long value) => Value = value;

    /// <summary>No check: the events go at the end of the stream, whether it exists or not.</summary>
    public static ExpectedRevision Any { get; } = new(AnyValue);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedRevision NoStream { get; } = new(NoStreamValue);

    /// <summary>The stream must exist, at any revision.</summary>
    public static ExpectedRevision StreamExists { get; } = new(StreamExistsValue);

    /// <summary>The stream's last event must be at exactly this 0-based revision.</summary>
    /// <param name="revision">The revision of the last event the writer has seen.</param>
    public static ExpectedRevision Exact(long revision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        return new ExpectedRevision(revision);
    }

    /// <summary>The raw encoding: the revision, or -1 (no stream), -2 (any), -4 (stream exists) as EventStoreDB encodes them.</summary>
    public long Value { get; }

    /// <summary>True for <see cref="Any"/>.</summary>
    public bool IsAny => Value == AnyValue;

    /// <summary>True for <see cref="NoStream"/>.</summary>
    public bool IsNoStream => Value == NoStreamValue;

    /// <summary>True for <see cref="StreamExists"/>.</summary>
    public bool IsStreamExists => Value == StreamExistsValue;

    /// <summary>True for an exact revision.</summary>
    public bool IsExact => Value >= 0;

    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no-stream",
        StreamExistsValue => "stream-exists",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
