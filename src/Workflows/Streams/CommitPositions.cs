namespace Affairs.Workflows.Streams;

/// <summary>
/// The log positions of what this process committed: the highest one (so its own queries can wait until the read
/// models have it, which gives read-your-writes on one host), and, for a caller that asked with
/// <see cref="Track"/>, the position of what its own flow committed (the host answers it as <c>X-Affairs-Position</c>).
/// </summary>
public sealed class CommitPositions
{
    private static readonly AsyncLocal<Tracker?> s_flow = new();
    private long _highest;

    /// <summary>The highest log position this process committed (0 for none yet).</summary>
    public long Highest => Volatile.Read(ref _highest);

    /// <summary>Starts noting what the current flow (a request) commits; read it from the tracker once the flow's work is done.</summary>
    public static Tracker Track() => s_flow.Value = new Tracker();

    /// <summary>Notes a commit at <paramref name="position"/>.</summary>
    public void Committed(long position)
    {
        var seen = Volatile.Read(ref _highest);
        while (position > seen)
        {
            var found = Interlocked.CompareExchange(ref _highest, position, seen);
            if (found == seen)
            {
                break;
            }

            seen = found;
        }

        s_flow.Value?.Note(position);
    }

    /// <summary>What one flow committed.</summary>
    public sealed class Tracker
    {
        private long _position;

        /// <summary>The highest log position the flow committed, or null when it committed nothing.</summary>
        public long? Position => Volatile.Read(ref _position) is > 0 and var p ? p : null;

        internal void Note(long position)
        {
            var seen = Volatile.Read(ref _position);
            while (position > seen && Interlocked.CompareExchange(ref _position, position, seen) != seen)
            {
                seen = Volatile.Read(ref _position);
            }
        }
    }
}
