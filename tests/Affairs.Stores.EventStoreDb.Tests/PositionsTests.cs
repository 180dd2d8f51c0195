using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class PositionsTests
{
    [Theory]
    [InlineData(0UL, 1L)]
    [InlineData(1234UL, 1235L)]
    [InlineData(9_876_543_210UL, 9_876_543_211L)]
    public void the_port_position_is_the_log_offset_plus_one(ulong offset, long position)
    {
        Assert.Equal(position, Positions.FromLog(offset, offset));
        Assert.Equal(offset, Positions.ToLog(position));
    }

    [Fact]
    public void the_commit_position_decides_where_commit_and_prepare_differ()
    {
        // An event of a legacy explicit transaction: its prepare record comes before the commit record that $all orders by.
        Assert.Equal(5001, Positions.FromLog(5000, 4000));
    }

    [Fact]
    public void an_unknown_commit_position_falls_back_to_the_prepare_position()
    {
        Assert.Equal(4001, Positions.FromLog(Positions.Unknown, 4000));
    }

    [Fact]
    public void an_event_without_any_position_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => Positions.FromLog(Positions.Unknown, Positions.Unknown));
    }

    [Fact]
    public void reading_after_zero_starts_at_the_beginning_of_the_log()
    {
        Assert.Equal(ReadReq.Types.Options.Types.AllOptions.AllOptionOneofCase.Start, Positions.StartAfter(0).AllOptionCase);
    }

    [Fact]
    public void reading_after_a_position_starts_at_that_events_own_record()
    {
        var start = Positions.StartAfter(Positions.FromLog(7200, 7200));

        Assert.Equal(ReadReq.Types.Options.Types.AllOptions.AllOptionOneofCase.Position, start.AllOptionCase);
        Assert.Equal(7200UL, start.Position.CommitPosition);
        Assert.Equal(7200UL, start.Position.PreparePosition);
    }

    [Fact]
    public void negative_positions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Positions.StartAfter(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Positions.ToLog(0));
    }
}
