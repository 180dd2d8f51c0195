using System.Diagnostics.Metrics;
using System.Text.Json;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Households;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Queues;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Statistics;
using Affairs.Workflows.Tests.Cases;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Projections;

public sealed class ProjectionTests : IAsyncLifetime
{
    private Centre _centre = null!;
    private Casework _work = null!;
    private readonly List<string> _cases = [];

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync(new Engine());
        _work = new Casework(_centre);
    }

    public async Task DisposeAsync() => await _centre.DisposeAsync();

    [Fact]
    public async Task a_rebuild_from_zero_gives_the_same_read_models_as_incremental_processing()
    {
        await ActivityAsync(incremental: true);
        var incremental = await ViewAsync(Engine.Mediator);

        var status = await Engine.Mediator.Send(new RebuildProjections(Engine.As(Centre.Admin)));
        var rebuilt = await ViewAsync(Engine.Mediator);

        Assert.Equal(1, status.Rebuilds);
        Assert.Equal(incremental, rebuilt);
        Assert.Contains("\"reason\":\"kept-by-b\"", rebuilt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_rebuild_from_the_first_event_lists_the_same_cases_and_households_as_live_processing()
    {
        var spouse = await Engine.Mediator.Send(new RegisterResident("110105198001010016", "李四", null, null, "g-01", null, null, Engine.As(Centre.A)));
        await Engine.Mediator.Send(new AddHouseholdMember(_centre.HouseholdId, spouse.ResidentId, "spouse", null, Engine.As(Centre.A)));
        await ActivityAsync(incremental: true);
        var live = await ListsAsync(spouse.ResidentId);

        await Engine.Mediator.Send(new RebuildProjections(Engine.As(Centre.Admin)));
        var rebuilt = await ListsAsync(spouse.ResidentId);

        Assert.Equal(live, rebuilt);
        var listed = await Engine.Mediator.Send(new FindCases(Limit: 200));
        Assert.Equal(_cases.Order(StringComparer.Ordinal), listed.Items.Select(i => i.CaseId).Order(StringComparer.Ordinal));
        Assert.Equal([new ResidentHousehold(_centre.HouseholdId, "spouse")], await Engine.Mediator.Send(new GetResidentHouseholds(spouse.ResidentId)));
    }

    [Fact]
    public async Task a_stored_event_that_does_not_read_as_its_type_is_passed_over_and_the_board_goes_on_after_it()
    {
        var before = await _work.OpenDibaoAsync();
        await Engine.Store.AppendAsync(
            new Affairs.EventStore.StreamName("case-cdamaged"),
            Affairs.EventStore.ExpectedRevision.NoStream,
            [new Affairs.EventStore.EventToAppend(Guid.NewGuid(), "case.opened.v1", "{\"caseId\":"u8.ToArray(), "{}"u8.ToArray())]);
        var after = await _work.OpenDibaoAsync();

        await _work.Projections.CatchUpAsync();
        var listed = await Engine.Mediator.Send(new FindCases(Limit: 200));
        await Engine.Mediator.Send(new RebuildProjections(Engine.As(Centre.Admin)));
        var rebuilt = await Engine.Mediator.Send(new FindCases(Limit: 200));

        Assert.Equal([before, after], listed.Items.Select(i => i.CaseId));
        Assert.Equal([before, after], rebuilt.Items.Select(i => i.CaseId));
    }

    [Fact]
    public async Task queries_keep_answering_while_a_rebuild_runs_and_events_keep_coming()
    {
        await ActivityAsync(incremental: false);
        var rebuild = _work.Projections.RebuildAsync();
        var during = await Engine.Mediator.Send(new GetPostQueue("dibao"));
        var extra = await _work.AcceptedDibaoAsync();
        await rebuild;

        var after = await Engine.Mediator.Send(new GetPostQueue("dibao"));

        Assert.NotEmpty(during.Items);
        Assert.Contains(after.Items, i => i.CaseId == extra);
        Assert.Equal(during.Items.Count + 1, after.Items.Count);
    }

    [Fact]
    public async Task catching_up_from_several_readers_at_once_applies_every_event_once()
    {
        await ActivityAsync(incremental: false);
        var expected = await ViewAsync(Engine.Mediator);

        await using var fresh = new Engine(sharing: Engine);
        await fresh.StartAsync();
        var projections = fresh.Services.GetRequiredService<ProjectionEngine>();
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => projections.CatchUpAsync())));

        Assert.Equal(projections.Checkpoint, applied.Sum());
        Assert.Equal(expected, await ViewAsync(fresh.Mediator));
    }

    [Fact]
    public async Task the_lag_is_the_age_of_the_oldest_unapplied_event_as_a_query_and_as_a_gauge()
    {
        await _work.Projections.CatchUpAsync();
        await _work.OpenDibaoAsync();
        Engine.Clock.Advance(TimeSpan.FromSeconds(5));
        var observed = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "affairs.projection.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => observed.Add(value));
        listener.Start();

        var behind = await Engine.Mediator.Send(new GetProjectionStatus());
        listener.RecordObservableInstruments();
        await _work.Projections.CatchUpAsync();
        var caughtUp = await Engine.Mediator.Send(new GetProjectionStatus());

        Assert.Equal(5, behind.LagSeconds);
        Assert.Contains(5d, observed);
        Assert.Equal(0, caughtUp.LagSeconds);
        Assert.True(caughtUp.Checkpoint > behind.Checkpoint);
    }

    /// <summary>Cases in several states and hands: with A, kept by B, escalated late, closed approved and withdrawn.</summary>
    private async Task ActivityAsync(bool incremental)
    {
        async Task Step(Func<Task> act)
        {
            await act();
            if (incremental)
            {
                await _work.Projections.CatchUpAsync();
            }
        }

        string kept = "", open = "", withdrawn = "";
        await Step(async () => kept = await _work.AcceptedDibaoAsync());
        await Step(async () => open = await _work.AcceptedDibaoAsync());
        await Step(async () => withdrawn = await _work.OpenDibaoAsync());
        var now = Engine.Clock.GetUtcNow();
        await Step(() => Engine.Mediator.Send(new RegisterAbsence("s-a", now, now.AddHours(4), AbsenceKind.Leave, Engine.As(Centre.Admin))).AsTask());
        await Step(() => _work.NoteAsync(kept, Centre.B));
        await Step(() => _work.FireAsync(withdrawn, "withdraw", Centre.B));
        Engine.Clock.Advance(TimeSpan.FromDays(2));
        await Step(() => _work.FireTimersAsync());
        await Step(async () => _cases.Add(await _work.DibaoOnNoticeAsync()));
        Engine.Clock.Advance(TimeSpan.FromDays(8));
        await Step(() => _work.FireTimersAsync());
        await Step(() => _work.FireAsync(_cases[0], "approve", Centre.Boss, new() { ["monthlyBenefit"] = 300m, ["paymentStartDate"] = "2026-04-01", ["bankAccount"] = "6222020200112233445", ["reviewIntervalMonths"] = 12 }));
        _cases.AddRange([kept, open, withdrawn]);
    }

    /// <summary>Every list the board answers, paged small so the cursors are exercised too.</summary>
    private async Task<string> ListsAsync(string residentId)
    {
        var lists = new List<object>();
        foreach (var filter in new[] { new FindCases(Limit: 2), new FindCases(Status: CaseStatus.Closed, Limit: 1), new FindCases(Handler: "s-b", Limit: 1), new FindCases(PostId: "dibao", State: "investigation") })
        {
            var query = filter;
            do
            {
                var page = await Engine.Mediator.Send(query);
                lists.Add(page);
                query = query with { Cursor = page.NextCursor };
            }
            while (query.Cursor is not null);
        }

        var households = new FindHouseholds("g-01", Limit: 1);
        do
        {
            var page = await Engine.Mediator.Send(households);
            lists.Add(page);
            households = households with { Cursor = page.NextCursor };
        }
        while (households.Cursor is not null);

        lists.Add(await Engine.Mediator.Send(new GetResidentHouseholds(_centre.ResidentId)));
        lists.Add(await Engine.Mediator.Send(new GetResidentHouseholds(residentId)));
        return JsonSerializer.Serialize(lists, Workflows.Events.EventCodec.JsonOptions);
    }

    private async Task<string> ViewAsync(IMediator mediator)
    {
        var view = new List<object>();
        foreach (var staff in new[] { "s-a", "s-b", "s-boss" })
        {
            view.Add(await mediator.Send(new GetStaffQueue(staff)) with { Checkpoint = 0 });
            view.Add(await mediator.Send(new GetHandoverList(staff)));
        }

        view.Add(await mediator.Send(new GetPostQueue("dibao")) with { Checkpoint = 0 });
        view.Add(await mediator.Send(new GetDeadlineWatch(3)));
        view.Add(await mediator.Send(new GetStatistics(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), StatisticsPeriod.Month)) with { Checkpoint = 0 });
        foreach (var caseId in _cases)
        {
            view.Add(await mediator.Send(new GetCaseDeadlines(caseId)));
        }

        return JsonSerializer.Serialize(view, Workflows.Events.EventCodec.JsonOptions);
    }
}
