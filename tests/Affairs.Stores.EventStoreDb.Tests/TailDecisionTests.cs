using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Affairs.Stores.EventStoreDb.Appends;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class TailDecisionTests
{
    private static readonly StreamName Stream = new("case-7f3a");

    /// <summary>The stream's last events, newest first, as the backwards read returns them.</summary>
    private static List<RecordedEvent> Tail(long lastRevision, params EventToAppend[] oldestFirst) =>
        oldestFirst.Select((e, i) => new RecordedEvent(
                Stream, lastRevision - oldestFirst.Length + 1 + i, 1000 + (10 * i), e.EventId, e.Type, e.Data, e.Metadata, DateTimeOffset.UnixEpoch))
            .Reverse()
            .ToList();

    [Fact]
    public void any_on_a_missing_stream_writes_expecting_no_stream()
    {
        var decision = TailDecision.Decide(ExpectedRevision.Any, [], TestEvents.Events(2));

        Assert.Equal(AppendDecisionKind.Write, decision.Kind);
        Assert.Equal(ExpectedRevision.NoStream, decision.WriteAt);
    }

    [Fact]
    public void any_writes_expecting_exactly_the_revision_it_saw()
    {
        var decision = TailDecision.Decide(ExpectedRevision.Any, Tail(4, TestEvents.Events(2)), TestEvents.Events(2));

        Assert.Equal(AppendDecisionKind.Write, decision.Kind);
        Assert.Equal(ExpectedRevision.Exact(4), decision.WriteAt);
    }

    [Fact]
    public void any_whose_batch_is_the_tail_is_a_retry_returning_the_first_result()
    {
        var batch = TestEvents.Events(2);

        var decision = TailDecision.Decide(ExpectedRevision.Any, Tail(4, batch), batch);

        Assert.Equal(AppendDecisionKind.CheckRetry, decision.Kind);
        Assert.Equal(new AppendResult(4, 1010), decision.Retry);
    }

    [Fact]
    public void any_whose_batch_matches_only_partly_is_appended_again()
    {
        var batch = TestEvents.Events(2);

        var decision = TailDecision.Decide(ExpectedRevision.Any, Tail(4, batch[0], TestEvents.Event()), batch);

        Assert.Equal(AppendDecisionKind.Write, decision.Kind);
        Assert.Null(decision.Retry);
    }

    [Fact]
    public void any_with_a_batch_longer_than_the_stream_writes()
    {
        var decision = TailDecision.Decide(ExpectedRevision.Any, Tail(0, TestEvents.Events(1)), TestEvents.Events(3));

        Assert.Equal(AppendDecisionKind.Write, decision.Kind);
        Assert.Equal(ExpectedRevision.Exact(0), decision.WriteAt);
    }

    [Fact]
    public void stream_exists_on_a_missing_stream_is_a_conflict_at_no_stream()
    {
        var decision = TailDecision.Decide(ExpectedRevision.StreamExists, [], TestEvents.Events(1));

        Assert.Equal(AppendDecisionKind.Conflict, decision.Kind);
        Assert.Equal(StreamRevision.None, decision.Current);
    }

    [Fact]
    public void stream_exists_whose_batch_is_the_tail_is_a_retry()
    {
        var batch = TestEvents.Events(1);

        var decision = TailDecision.Decide(ExpectedRevision.StreamExists, Tail(1, batch), batch);

        Assert.Equal(new AppendResult(1, 1000), decision.Retry);
    }
}
