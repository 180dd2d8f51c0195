using Affairs.Domain.AffairTypes;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Queues;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Deadlines;

public sealed class DeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
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
    public async Task the_step_deadline_counts_working_days_and_the_statutory_one_adds_its_extension_after_qingming_and_labour_day()
    {
        var caseId = await _work.AcceptedDibaoAsync(); // Monday 9 March: investigation, 15 working days; statutory clock, 30
        var before = await Engine.Mediator.Send(new GetCaseDeadlines(caseId));
        await _work.FireAsync(caseId, "extend-time-limit", Centre.Boss, reason: "complex household");

        var after = await Engine.Mediator.Send(new GetCaseDeadlines(caseId));

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, Beijing), before.StepDeadline);
        Assert.Equal(new DateTimeOffset(2026, 4, 22, 0, 0, 0, Beijing), Assert.Single(before.Clocks).Deadline);
        var statutory = Assert.Single(after.Clocks);
        Assert.Equal((15, new DateTimeOffset(2026, 5, 15, 0, 0, 0, Beijing), false), (statutory.ExtensionDays, statutory.Deadline, statutory.Overdue));
        Assert.False(after.StepOverdue);
    }

    [Fact]
    public async Task a_step_past_its_deadline_is_flagged_and_listed_overdue_and_one_near_it_due_soon()
    {
        var caseId = await _work.AcceptedDibaoAsync();
        Engine.Clock.Advance(TimeSpan.FromDays(18)); // Friday 27 March: the investigation ends with Monday 30 March
        var soon = await Engine.Mediator.Send(new GetDeadlineWatch(2));
        Engine.Clock.Advance(TimeSpan.FromDays(4)); // Tuesday 31 March

        var late = await Engine.Mediator.Send(new GetDeadlineWatch(2));
        var deadlines = await Engine.Mediator.Send(new GetCaseDeadlines(caseId));

        Assert.Equal(caseId, Assert.Single(soon.DueSoon).CaseId);
        Assert.Empty(soon.Overdue);
        Assert.Equal(caseId, Assert.Single(late.Overdue).CaseId);
        Assert.True(deadlines.StepOverdue);
        Assert.False(Assert.Single(deadlines.Clocks).Overdue);
    }

    [Fact]
    public async Task a_time_limit_in_months_ends_with_the_same_day_of_the_month_later()
    {
        var calculator = Engine.Services.GetRequiredService<DeadlineCalculator>();

        var due = calculator.Due(new DateTimeOffset(2026, 3, 9, 9, 0, 0, Beijing), new Period { Amount = 12, Unit = PeriodUnit.Months });

        Assert.Equal(new DateTimeOffset(2027, 3, 10, 0, 0, 0, Beijing), due);
    }
}
