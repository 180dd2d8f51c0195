using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using WirePosition = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadReq.Types.Options.Types.Position;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>
/// The port's single global position versus EventStoreDB's (commit, prepare) pair of transaction-log offsets.
/// </summary>
/// <remarks>
/// An event appended through gRPC commits itself: its commit and prepare positions are both its own record's offset in
/// the log, unique and increasing in <c>$all</c> order (the server reads it back as <c>(offset, offset)</c>).
/// The port's position is that offset + 1, so that positions are at least 1 and 0 still means "before everything".
/// Going back, "after position p" starts a read at the record <c>(p-1, p-1)</c> — the server includes the event there —
/// and the reader drops it. Limits: only positions this adapter handed out (or 0) can be read after; events written
/// with the legacy TCP API's explicit transactions share one commit position, which the port cannot express, and are
/// given their commit position, the same for the whole transaction.
/// </remarks>
internal static class Positions
{
    /// <summary>What the server sends for a position it does not know (-1 as an unsigned number).</summary>
    public const ulong Unknown = ulong.MaxValue;

    /// <summary>The port position of an event at <paramref name="commit"/>/<paramref name="prepare"/>.</summary>
    public static long FromLog(ulong commit, ulong prepare)
    {
        var offset = commit != Unknown ? commit : prepare;
        if (offset >= long.MaxValue)
        {
            throw new InvalidDataException("The server sent an event without its log position: EventStoreDB 22.10 or later reports it on stream reads.");
        }

        return (long)offset + 1;
    }

    /// <summary>The log offset of the event at port position <paramref name="position"/> (at least 1).</summary>
    public static ulong ToLog(long position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        return (ulong)(position - 1);
    }

    /// <summary>Where a <c>$all</c> read or subscription starts so that it sees every event after <paramref name="afterPosition"/>.</summary>
    public static ReadReq.Types.Options.Types.AllOptions StartAfter(long afterPosition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        if (afterPosition == 0)
        {
            return new ReadReq.Types.Options.Types.AllOptions { Start = new Empty() };
        }

        var offset = ToLog(afterPosition);
        return new ReadReq.Types.Options.Types.AllOptions
        {
            Position = new WirePosition { CommitPosition = offset, PreparePosition = offset },
        };
    }
}
