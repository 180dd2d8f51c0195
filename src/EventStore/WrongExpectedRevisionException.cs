namespace Affairs.EventStore;

/// <summary>
/// An append whose expected revision did not hold. Nothing of that append was written.
/// </summary>
public sealed class WrongExpectedRevisionException : Exception
{
    /// <summary>Creates the exception for <paramref name="stream"/>.</summary>
    /// <param name="stream">The stream appended to.</param>
    /// <param name="expected">What the writer expected.</param>
    /// <param name="actual">The stream's revision at the time, <see cref="StreamRevision.None"/> where it has no events.</param>
    public WrongExpectedRevisionException(StreamName stream, ExpectedRevision expected, long actual)
        : base($"Append to '{stream}' expected revision {expected} but the stream is at {(actual == StreamRevision.None ? "no-stream" : actual)}.")
    {
        Stream = stream;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The stream appended to.</summary>
    public StreamName Stream { get; }

    /// <summary>What the writer expected.</summary>
    public ExpectedRevision Expected { get; }

    /// <summary>The stream's actual revision, <see cref="StreamRevision.None"/> where it has no events.</summary>
    public long Actual { get; }
}
