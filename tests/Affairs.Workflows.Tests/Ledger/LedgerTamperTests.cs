using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Workflows.Tests.Ledger;

/// <summary>
/// Tampering with the store's own tables, as someone with access to the database would, and what the checks name:
/// the same tests on every store that keeps its events in SQL tables.
/// </summary>
public abstract class LedgerTamperTests : TamperedLog
{
    [ConformanceFact]
    public async Task an_untouched_log_of_every_kind_of_stream_matches_its_digest_and_later_events_are_counted()
    {
        var digest = await Verifier.ComputeAsync();
        await AppendRoundsAsync(1);

        var check = await Verifier.VerifyAsync(digest);

        Assert.True(check.Valid);
        Assert.Equal((16L, 1, 16L, true, 4L), (digest.Events, digest.Stride, check.Against!.EventsNow, check.Against.Matches, check.Against.EventsAfter));
        Assert.Equal(["case", "household", "organisation", "resident"], check.StreamsByCategory.Keys);
    }

    [ConformanceFact]
    public async Task a_deleted_event_is_named_by_its_stream_and_by_the_digest()
    {
        var digest = await Verifier.ComputeAsync();
        var log = await LogAsync();
        var deleted = await EventAsync("household-h1", 1);
        var at = log.FindIndex(e => e.Position == deleted.Position);

        Assert.Equal(1, await DeleteAsync(deleted.Position));
        var check = await Verifier.VerifyAsync(digest);

        var broken = Assert.Single(check.Broken);
        Assert.Equal(("household-h1", (long?)2), (broken.Stream, broken.FirstBrokenRevision));
        Assert.Contains("Revision 1 is missing", broken.Problem, StringComparison.Ordinal);
        var divergence = check.Against!.FirstDivergence!;
        Assert.Equal((at + 1L, log[at - 1].Position, (long?)log[at + 1].Position, log[at + 1].Stream.Value), (divergence.Event, divergence.AfterPosition, divergence.Position, divergence.Stream));
        Assert.Equal(15, check.Against.EventsNow);
    }

    [ConformanceFact]
    public async Task a_truncated_stream_is_found_by_the_recorded_digest_by_its_own_check_and_by_the_digest()
    {
        await RecordDigestAsync();
        var digest = await Verifier.ComputeAsync();
        var log = await LogAsync();
        var second = await EventAsync("case-c1", 2);
        var at = log.FindIndex(e => e.Position == second.Position);

        await DeleteAsync((await EventAsync("case-c1", 3)).Position);
        await DeleteAsync(second.Position);
        var stream = await Chains.VerifyAsync(new StreamName("case-c1"));
        var check = await Verifier.VerifyAsync(digest);

        Assert.Equal(((long?)2, (long?)3), (stream.FirstBrokenRevision, stream.CoveredBy?.Revision));
        Assert.Contains("Revisions 2–3 are missing", stream.Problem, StringComparison.Ordinal);
        Assert.Empty(check.Broken);
        Assert.Equal(["case-c1"], Assert.Single(check.RecordedDigestsBroken).Streams);
        Assert.Equal((at + 1L, (long?)log[at + 1].Position), (check.Against!.FirstDivergence!.Event, check.Against.FirstDivergence.Position));
        Assert.False(check.Valid);
    }

    [ConformanceFact]
    public async Task events_of_two_streams_swapped_in_the_log_keep_both_chains_but_not_the_digest()
    {
        var digest = await Verifier.ComputeAsync();
        var log = await LogAsync();
        var first = await EventAsync("resident-r1", 2);
        var second = await EventAsync("household-h1", 2);
        var at = log.FindIndex(e => e.Position == first.Position);

        await SwapPositionsAsync(first.Position, second.Position);
        var check = await Verifier.VerifyAsync(digest);

        Assert.Empty(check.Broken);
        var divergence = check.Against!.FirstDivergence!;
        Assert.Equal((at + 1L, log[at - 1].Position, (long?)first.Position, "household-h1", (long?)2), (divergence.Event, divergence.AfterPosition, divergence.Position, divergence.Stream, divergence.Revision));
    }

    [ConformanceFact]
    public async Task two_events_of_a_stream_swapped_break_its_chain_where_the_order_changes()
    {
        var digest = await Verifier.ComputeAsync();
        var first = await EventAsync("case-c1", 1);

        await SwapRevisionsAsync(first, await EventAsync("case-c1", 2));
        var check = await Verifier.VerifyAsync(digest);

        var broken = Assert.Single(check.Broken);
        Assert.Equal(("case-c1", (long?)2), (broken.Stream, broken.FirstBrokenRevision));
        Assert.Equal(((long?)first.Position, (long?)2), (check.Against!.FirstDivergence!.Position, check.Against.FirstDivergence.Revision));
    }

    [ConformanceFact]
    public async Task a_rewritten_event_with_every_later_hash_recomputed_passes_its_chain_but_not_the_digests()
    {
        await RecordDigestAsync();
        var digest = await Verifier.ComputeAsync();
        var log = await LogAsync();
        var edited = await EventAsync("resident-r1", 1);
        var at = log.FindIndex(e => e.Position == edited.Position);

        await RewriteAsync("resident-r1", 1, data => data.Replace("13800138001", "13900139001", StringComparison.Ordinal));
        var stream = await Chains.VerifyAsync(new StreamName("resident-r1"));
        var check = await Verifier.VerifyAsync(digest);

        Assert.Empty(check.Broken);
        Assert.Equal((long?)3, stream.FirstBrokenRevision);
        Assert.Contains("rewritten", stream.Problem, StringComparison.Ordinal);
        Assert.Contains("resident-r1", Assert.Single(check.RecordedDigestsBroken).Streams);
        var divergence = check.Against!.FirstDivergence!;
        Assert.Equal((at + 1L, log[at - 1].Position, (long?)edited.Position, "resident-r1"), (divergence.Event, divergence.AfterPosition, divergence.Position, divergence.Stream));
    }

    private async Task<List<RecordedEvent>> LogAsync() => await Store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue).ToListAsync();
}
