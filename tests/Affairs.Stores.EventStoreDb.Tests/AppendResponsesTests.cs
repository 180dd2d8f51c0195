using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using WrongExpectedVersion = Affairs.Stores.EventStoreDb.Protocol.Grpc.AppendResp.Types.WrongExpectedVersion;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class AppendResponsesTests
{
    /// <summary>A success at revision 4 with the given positions.</summary>
    private static AppendResp Written(ulong commit, ulong prepare) => new()
    {
        Success = new AppendResp.Types.Success
        {
            CurrentRevision = 4,
            Position = new AppendResp.Types.Position { CommitPosition = commit, PreparePosition = prepare },
        },
    };

    [Fact]
    public void success_gives_the_current_revision_and_the_last_events_position()
    {
        var response = Written(commit: 8800, prepare: 8800);

        Assert.Equal(new AppendOutcome(true, 4, 8801), AppendResponses.Interpret(response, ExpectedRevision.Any, 1));
    }

    [Fact]
    public void success_of_several_events_takes_the_commit_position_as_the_last_event()
    {
        var response = Written(commit: 8800, prepare: 8400);

        Assert.Equal(new AppendOutcome(true, 4, 8801), AppendResponses.Interpret(response, ExpectedRevision.Exact(1), 3));
    }

    [Fact]
    public void success_of_several_events_at_one_position_leaves_the_last_events_position_to_be_read()
    {
        var response = Written(commit: 8400, prepare: 8400);

        Assert.Null(AppendResponses.Interpret(response, ExpectedRevision.Exact(1), 3).Position);
    }

    [Fact]
    public void success_without_a_position_leaves_the_position_to_be_looked_up()
    {
        var response = new AppendResp { Success = new AppendResp.Types.Success { CurrentRevision = 1, NoPosition = new Empty() } };

        Assert.Equal(new AppendOutcome(true, 1, null), AppendResponses.Interpret(response, ExpectedRevision.Any, 1));
    }

    [Fact]
    public void success_on_no_stream_reports_revision_none()
    {
        var response = new AppendResp { Success = new AppendResp.Types.Success { NoStream = new Empty(), NoPosition = new Empty() } };

        Assert.Equal(StreamRevision.None, AppendResponses.Interpret(response, ExpectedRevision.Any, 1).Revision);
    }

    [Fact]
    public void wrong_expected_version_reports_the_streams_current_revision()
    {
        var response = new AppendResp { WrongExpectedVersion = new WrongExpectedVersion { CurrentRevision = 2, ExpectedRevision = 1 } };

        Assert.Equal(new AppendOutcome(false, 2, null), AppendResponses.Interpret(response, ExpectedRevision.Exact(1), 1));
    }

    [Fact]
    public void a_no_stream_conflict_as_the_server_fills_both_generations_of_fields_maps_to_the_actual_revision()
    {
        // What the server sends for an append expecting no-stream to a stream at revision 1.
        var conflict = new WrongExpectedVersion
        {
            ExpectedNoStream = new Empty(),
            ExpectedRevision2060 = ulong.MaxValue,
            CurrentRevision = 1,
            CurrentRevision2060 = 1,
        };

        Assert.Equal(new AppendOutcome(false, 1, null), AppendResponses.Interpret(new AppendResp { WrongExpectedVersion = conflict }, ExpectedRevision.NoStream, 2));
    }

    [Fact]
    public void wrong_expected_version_on_a_missing_stream_reports_revision_none()
    {
        var conflict = new WrongExpectedVersion { CurrentNoStream = new Empty(), ExpectedRevision = 0 };

        Assert.Equal(StreamRevision.None, AppendResponses.ActualRevision(conflict));
    }

    [Fact]
    public void the_20_6_0_fields_are_read_when_the_current_ones_are_absent()
    {
        Assert.Equal(7, AppendResponses.ActualRevision(new WrongExpectedVersion { CurrentRevision2060 = 7 }));
        Assert.Equal(StreamRevision.None, AppendResponses.ActualRevision(new WrongExpectedVersion { NoStream2060 = new Empty() }));
    }

    [Fact]
    public void the_current_fields_win_over_the_20_6_0_ones()
    {
        Assert.Equal(9, AppendResponses.ActualRevision(new WrongExpectedVersion { CurrentRevision2060 = 7, CurrentRevision = 9 }));
    }

    [Fact]
    public void a_conflict_that_does_not_say_the_revision_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => AppendResponses.ActualRevision(new WrongExpectedVersion()));
    }

    [Fact]
    public void the_echoed_expectation_maps_back_to_the_ports_expected_revision()
    {
        Assert.Equal(ExpectedRevision.Exact(3), AppendResponses.ExpectedRevision(new WrongExpectedVersion { ExpectedRevision = 3 }));
        Assert.Equal(ExpectedRevision.Any, AppendResponses.ExpectedRevision(new WrongExpectedVersion { ExpectedAny = new Empty() }));
        Assert.Equal(ExpectedRevision.StreamExists, AppendResponses.ExpectedRevision(new WrongExpectedVersion { ExpectedStreamExists = new Empty() }));
        Assert.Equal(ExpectedRevision.NoStream, AppendResponses.ExpectedRevision(new WrongExpectedVersion { ExpectedNoStream = new Empty() }));
        Assert.Null(AppendResponses.ExpectedRevision(new WrongExpectedVersion()));
    }

    [Fact]
    public void a_conflict_on_another_expectation_than_the_one_sent_is_refused()
    {
        var response = new AppendResp { WrongExpectedVersion = new WrongExpectedVersion { CurrentRevision = 2, ExpectedAny = new Empty() } };

        Assert.Throws<InvalidDataException>(() => AppendResponses.Interpret(response, ExpectedRevision.Exact(1), 1));
    }

    [Fact]
    public void a_conflict_from_a_server_that_does_not_echo_the_expectation_is_accepted()
    {
        var response = new AppendResp { WrongExpectedVersion = new WrongExpectedVersion { CurrentRevision2060 = 2 } };

        Assert.Equal(new AppendOutcome(false, 2, null), AppendResponses.Interpret(response, ExpectedRevision.NoStream, 1));
    }

    [Fact]
    public void a_response_with_neither_result_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => AppendResponses.Interpret(new AppendResp(), ExpectedRevision.Any, 1));
    }
}
