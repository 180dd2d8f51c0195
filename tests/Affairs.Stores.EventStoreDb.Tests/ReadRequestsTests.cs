using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Leases;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Options = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadReq.Types.Options;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class ReadRequestsTests
{
    private static readonly StreamName Stream = new("case-7f3a");

    [Fact]
    public void a_forwards_stream_read_starts_at_the_revision_with_a_count_and_no_filter()
    {
        var options = ReadRequests.Stream(Stream, ReadDirection.Forwards, 3, 4).Options;

        Assert.Equal(Options.StreamOptionOneofCase.Stream, options.StreamOptionCase);
        Assert.Equal("case-7f3a", options.Stream.StreamIdentifier.StreamName.ToStringUtf8());
        Assert.Equal(3UL, options.Stream.Revision);
        Assert.Equal(Options.Types.ReadDirection.Forwards, options.ReadDirection);
        Assert.Equal(4UL, options.Count);
        Assert.Equal(Options.FilterOptionOneofCase.NoFilter, options.FilterOptionCase);
        Assert.False(options.ResolveLinks);
        Assert.Equal(Options.Types.UUIDOption.ContentOneofCase.Structured, options.UuidOption.ContentCase);
    }

    [Fact]
    public void a_backwards_read_from_the_end_uses_the_end_option()
    {
        var options = ReadRequests.Stream(Stream, ReadDirection.Backwards, StreamRevision.End, 3).Options;

        Assert.Equal(Options.Types.StreamOptions.RevisionOptionOneofCase.End, options.Stream.RevisionOptionCase);
        Assert.Equal(Options.Types.ReadDirection.Backwards, options.ReadDirection);
    }

    [Fact]
    public void a_backwards_read_from_a_revision_starts_there()
    {
        var options = ReadRequests.Stream(Stream, ReadDirection.Backwards, 5, 100).Options;

        Assert.Equal(5UL, options.Stream.Revision);
    }

    [Fact]
    public void a_category_read_filters_all_on_the_stream_prefix_category_dash()
    {
        var options = ReadRequests.All(SubscriptionFilter.ForCategory("case"), 0, 10).Options;

        Assert.Equal(Options.StreamOptionOneofCase.All, options.StreamOptionCase);
        Assert.Equal(Options.Types.AllOptions.AllOptionOneofCase.Start, options.All.AllOptionCase);
        Assert.Equal(Options.Types.FilterOptions.FilterOneofCase.StreamIdentifier, options.Filter.FilterCase);
        Assert.Equal(["case-"], options.Filter.StreamIdentifier.Prefix);
        Assert.Equal(string.Empty, options.Filter.StreamIdentifier.Regex);
        Assert.Equal(10UL, options.Count);
    }

    [Fact]
    public void the_whole_log_leaves_out_the_servers_system_streams_and_the_lease_stream()
    {
        var filter = ReadRequests.All(SubscriptionFilter.All, 0, 10).Options.Filter;

        Assert.Empty(filter.StreamIdentifier.Prefix);
        Assert.Matches(filter.StreamIdentifier.Regex, "case-7f3a");
        Assert.Matches(filter.StreamIdentifier.Regex, "organisation-main");
        Assert.Matches(filter.StreamIdentifier.Regex, "ledger-every-events-0");
        Assert.DoesNotMatch(filter.StreamIdentifier.Regex, "$statistics-127.0.0.1:2113");
        Assert.DoesNotMatch(filter.StreamIdentifier.Regex, "$$case-7f3a");
        Assert.DoesNotMatch(filter.StreamIdentifier.Regex, "$$affairs_scheduler_lease");
        Assert.DoesNotMatch(filter.StreamIdentifier.Regex, EventStoreDbSchedulerLease.Stream);
    }

    [Fact]
    public void a_read_after_a_position_starts_at_that_events_record()
    {
        var options = ReadRequests.All(SubscriptionFilter.All, 501, 10).Options;

        Assert.Equal(500UL, options.All.Position.CommitPosition);
        Assert.Equal(500UL, options.All.Position.PreparePosition);
    }

    [Fact]
    public void a_subscription_asks_for_live_events_instead_of_a_count()
    {
        var options = ReadRequests.Subscription(SubscriptionFilter.ForCategory("case"), 77).Options;

        Assert.Equal(Options.CountOptionOneofCase.Subscription, options.CountOptionCase);
        Assert.Equal(Options.Types.ReadDirection.Forwards, options.ReadDirection);
        Assert.Equal(76UL, options.All.Position.CommitPosition);
        Assert.Equal(["case-"], options.Filter.StreamIdentifier.Prefix);
        Assert.Equal(Options.Types.FilterOptions.WindowOneofCase.Count, options.Filter.WindowCase);
        Assert.Equal(1U, options.Filter.CheckpointIntervalMultiplier);
    }

    [Fact]
    public void negative_revisions_counts_and_positions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadRequests.Stream(Stream, ReadDirection.Forwards, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadRequests.Stream(Stream, ReadDirection.Forwards, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadRequests.All(SubscriptionFilter.All, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadRequests.Subscription(SubscriptionFilter.All, -1));
    }
}
