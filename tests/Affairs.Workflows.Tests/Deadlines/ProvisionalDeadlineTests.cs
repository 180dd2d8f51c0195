using Affairs.Domain.Calendar;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Queues;
using Affairs.Workflows.Tests.Cases;

namespace Affairs.Workflows.Tests.Deadlines;

/// <summary>Deadlines that run past the last published calendar year: counted Monday to Friday, marked provisional, firm once the year is published.</summary>
public sealed class ProvisionalDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly Holiday NewYear2027 = new("New Year", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3));
    private Centre _centre = null!;
    private Casework _work = null!;

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync();
        _work = new Casework(_centre);
    }

    public async Task DisposeAsync() => await _centre.DisposeAsync();

    [Fact]
    public async Task a_deadline_within_a_published_year_is_firm()
    {
        var caseId = await _work.AcceptedDibaoAsync(); // Monday 9 March 2026

        var deadlines = await Engine.Mediator.Send(new GetCaseDeadlines(caseId));

        Assert.False(deadlines.Provisional);
        Assert.False(deadlines.StepDeadlineProvisional);
        Assert.False(Assert.Single(deadlines.Clocks).Provisional);
    }

    [Fact]
    public async Task a_deadline_running_into_a_year_not_yet_published_is_counted_monday_to_friday_and_marked_provisional_in_every_answer()
    {
        var caseId = await AcceptedOnMonday14December2026Async();

        var deadlines = await Engine.Mediator.Send(new GetCaseDeadlines(caseId));
        var view = await Engine.Mediator.Send(new GetCase(caseId));
        var queued = Assert.Single((await Engine.Mediator.Send(new GetPostQueue("dibao"))).Items);
        var mine = Assert.Single((await Engine.Mediator.Send(new GetStaffQueue("s-a"))).AsA);

        // 15 working days from Tuesday 15 December: 13 left in 2026, then Friday 1 and Monday 4 January 2027.
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 0, 0, 0, Beijing), deadlines.StepDeadline);
        Assert.True(deadlines.StepDeadlineProvisional);
        Assert.Equal((new DateTimeOffset(2027, 1, 26, 0, 0, 0, Beijing), true), (Assert.Single(deadlines.Clocks).Deadline, deadlines.Clocks[0].Provisional));
        Assert.True(deadlines.Provisional);
        Assert.Equal((deadlines.StepDeadline, true, true), (view.Deadlines.StepDeadline, view.Deadlines.StepDeadlineProvisional, view.Deadlines.Provisional));
        Assert.True(queued.Provisional);
        Assert.True(mine.Provisional);
    }

    [Fact]
    public async Task publishing_the_year_makes_the_deadline_firm_and_counts_its_holidays()
    {
        var caseId = await AcceptedOnMonday14December2026Async();

        await PublishAsync(2027, NewYear2027);
        var deadlines = await Engine.Mediator.Send(new GetCaseDeadlines(caseId));
        var queued = Assert.Single((await Engine.Mediator.Send(new GetPostQueue("dibao"))).Items);

        // 1 January 2027 is now a day off: the step ends with Tuesday 5, the statutory clock with Tuesday 26 January.
        Assert.Equal((new DateTimeOffset(2027, 1, 6, 0, 0, 0, Beijing), false), (deadlines.StepDeadline, deadlines.StepDeadlineProvisional));
        Assert.Equal((new DateTimeOffset(2027, 1, 27, 0, 0, 0, Beijing), false), (Assert.Single(deadlines.Clocks).Deadline, deadlines.Clocks[0].Provisional));
        Assert.False(deadlines.Provisional);
        Assert.Equal((new DateTimeOffset(2027, 1, 6, 0, 0, 0, Beijing), false), (queued.StepDeadline, queued.Provisional));
    }

    [Fact]
    public async Task an_overdue_step_past_the_last_published_year_is_listed_provisional_until_the_year_is_published()
    {
        var caseId = await AcceptedOnMonday14December2026Async();
        Engine.Clock.Advance(TimeSpan.FromDays(24)); // Thursday 7 January 2027

        var before = await Engine.Mediator.Send(new GetDeadlineWatch());
        await PublishAsync(2027, NewYear2027);
        var after = await Engine.Mediator.Send(new GetDeadlineWatch());

        Assert.Equal((caseId, true), (Assert.Single(before.Overdue).CaseId, before.Overdue[0].Provisional));
        Assert.Equal((caseId, false), (Assert.Single(after.Overdue).CaseId, after.Overdue[0].Provisional));
    }

    [Fact]
    public async Task the_supervisor_is_alerted_from_1_november_while_next_year_s_calendar_is_not_published()
    {
        Engine.Clock.Advance(new DateTimeOffset(2026, 10, 31, 9, 0, 0, Beijing) - Engine.Clock.GetUtcNow());
        var october = await Engine.Mediator.Send(new GetStaffQueue("s-boss"));
        Engine.Clock.Advance(TimeSpan.FromDays(1));

        var november = await Engine.Mediator.Send(new GetStaffQueue("s-boss"));
        var caseworker = await Engine.Mediator.Send(new GetStaffQueue("s-a"));
        await PublishAsync(2027, NewYear2027);
        var published = await Engine.Mediator.Send(new GetStaffQueue("s-boss"));

        Assert.Empty(october.CentreAlerts);
        var alert = Assert.Single(november.CentreAlerts);
        Assert.Equal((CentreAlert.CalendarNotPublished, 2027), (alert.Code, alert.Year));
        Assert.Empty(caseworker.CentreAlerts);
        Assert.Empty(published.CentreAlerts);
    }

    private async Task<string> AcceptedOnMonday14December2026Async()
    {
        Engine.Clock.Advance(new DateTimeOffset(2026, 12, 14, 9, 0, 0, Beijing) - Engine.Clock.GetUtcNow());
        return await _work.AcceptedDibaoAsync();
    }

    private Task<CalendarVersion> PublishAsync(int year, params Holiday[] holidays) =>
        Engine.Mediator.Send(new PublishCalendarYear(year, "State Council notice", holidays, [], null, Engine.As(Centre.Admin))).AsTask();
}
