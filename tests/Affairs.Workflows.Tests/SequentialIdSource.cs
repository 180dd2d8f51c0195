using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Tests;

/// <summary>Ids 00000000-0000-0000-0000-000000000001, …002, … so that test outputs are stable.</summary>
public sealed class SequentialIdSource : IIdSource
{
    private long _next;

    public Guid NewId()
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(8), Interlocked.Increment(ref _next));
        bytes.AsSpan(8).Reverse();
        return new Guid(bytes, bigEndian: true);
    }
}
