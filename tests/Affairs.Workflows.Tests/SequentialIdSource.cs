using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Tests;

/// <summary>
/// Ids 00000000-0000-0000-0000-000000000001, …002, … so that test outputs are stable; a second host on the same store
/// starts elsewhere (<paramref name="start"/>) so that the two never reuse an id.
/// </summary>
public sealed class SequentialIdSource(long start = 0) : IIdSource
{
    private long _next = start;

    public Guid NewId()
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(8), Interlocked.Increment(ref _next));
        bytes.AsSpan(8).Reverse();
        return new Guid(bytes, bigEndian: true);
    }
}
