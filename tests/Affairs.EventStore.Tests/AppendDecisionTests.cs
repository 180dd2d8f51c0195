using Affairs.EventStore;

namespace Affairs.EventStore.Tests;

public sealed class AppendDecisionTests
{
    [Theory]
    [InlineData(-1, -1, 1, AppendDecisionKind.Write)]
    [InlineData(-1, 0, 1, AppendDecisionKind.CheckRetry)]
    [InlineData(-1, 0, 2, AppendDecisionKind.Conflict)]
    [InlineData(3, 3, 2, AppendDecisionKind.Write)]
    [InlineData(3, 5, 2, AppendDecisionKind.CheckRetry)]
    [InlineData(3, 4, 2, AppendDecisionKind.Conflict)]
    [InlineData(3, 2, 1, AppendDecisionKind.Conflict)]
    public void an_exact_or_no_stream_expectation_writes_checks_a_retry_or_conflicts(long expected, long current, int count, AppendDecisionKind kind)
    {
        var expectation = expected == -1 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(expected);

        var decision = AppendDecision.Decide(expectation, current, count);

        Assert.Equal(kind, decision.Kind);
        if (kind == AppendDecisionKind.CheckRetry)
        {
            Assert.Equal(expected + 1, decision.RetryFrom);
            Assert.Equal(expected + count, decision.RetryTo);
            Assert.True(decision.ConflictUnlessRetry);
        }
    }

    [Fact]
    public void any_compares_the_tail_and_writes_on_a_mismatch()
    {
        var decision = AppendDecision.Decide(ExpectedRevision.Any, 9, 3);

        Assert.Equal(AppendDecisionKind.CheckRetry, decision.Kind);
        Assert.Equal((7L, 9L), (decision.RetryFrom, decision.RetryTo));
        Assert.False(decision.ConflictUnlessRetry);
        Assert.Equal(AppendDecisionKind.Write, AppendDecision.Decide(ExpectedRevision.Any, StreamRevision.None, 1).Kind);
    }

    [Fact]
    public void stream_exists_conflicts_only_on_a_missing_stream()
    {
        Assert.Equal(AppendDecisionKind.Conflict, AppendDecision.Decide(ExpectedRevision.StreamExists, StreamRevision.None, 1).Kind);
        Assert.Equal(AppendDecisionKind.Write, AppendDecision.Decide(ExpectedRevision.StreamExists, 0, 2).Kind);
    }

    [Fact]
    public void is_retry_needs_the_same_ids_in_the_same_order()
    {
        EventToAppend[] events = [new(Guid.NewGuid(), "a.v1", default, default), new(Guid.NewGuid(), "a.v1", default, default)];

        Assert.True(AppendDecision.IsRetry([events[0].EventId, events[1].EventId], events));
        Assert.False(AppendDecision.IsRetry([events[1].EventId, events[0].EventId], events));
        Assert.False(AppendDecision.IsRetry([events[0].EventId], events));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(-4)]
    [InlineData(2)]
    public void expectations_are_encoded_as_in_eventstoredb(long encoded)
    {
        var expected = encoded switch
        {
            -2 => ExpectedRevision.Any,
            -1 => ExpectedRevision.NoStream,
            -4 => ExpectedRevision.StreamExists,
            _ => ExpectedRevision.Exact(encoded),
        };

        Assert.Equal(encoded, expected.Value);
    }
}
