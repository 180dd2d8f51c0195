using Affairs.Workflows.Calendar;
using Affairs.Workflows.Events;
using Affairs.Workflows.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Statistics;

public sealed class StatisticsTests : IAsyncLifetime
{
    private static readonly (string, string)[] Dibao =
        [("application", "post:dibao"), ("investigation", "post:dibao"), ("first-review", "supervisor"), ("public-notice", "post:dibao"), ("confirmation", "supervisor")];

    private static readonly (string, string)[] Insurance =
        [("application", "post:insurance"), ("eligibility-check", "post:insurance"), ("premium-determination", "post:insurance"), ("payment", "post:insurance")];

    private static readonly (string, string)[] Certification = [("due", "post:certification")];

    private readonly Engine _engine = new();
    private YearOfCases _year = null!;

    public async Task InitializeAsync()
    {
        await _engine.StartAsync();
        _year = new YearOfCases(_engine.Store, _engine.Services.GetRequiredService<EventCodec>(), _engine.Services.GetRequiredService<CalendarCatalog>().Current, seed: 2011);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task the_report_reproduces_the_seed_centre_s_year_from_its_events()
    {
        await ManyAsync(610, () => _year.CaseAsync("dibao", Dibao, ("approved", "approved"), clockStartsOn: "investigation"));
        await ManyAsync(40, () => _year.CaseAsync("dibao", Dibao, ("approved", "approved"), clockStartsOn: "investigation", slowState: "investigation"));
        await ManyAsync(40, () => _year.CaseAsync("dibao", Dibao, ("rejected", "rejected"), clockStartsOn: "investigation"));
        await ManyAsync(30, () => _year.CaseAsync("dibao", Dibao[..1], ("withdrawn", "withdrawn")));
        await ManyAsync(12, () => _year.CaseAsync("dibao", Dibao[..2], null, clockStartsOn: "investigation"));
        await ManyAsync(1450, () => _year.CaseAsync("medical-insurance", Insurance, ("enrolled", "approved")));
        await ManyAsync(35, () => _year.CaseAsync("medical-insurance", Insurance[..2], ("rejected", "rejected")));
        await ManyAsync(2731, () => _year.CaseAsync("retiree-certification", Certification, ("certified", "approved")));
        await ManyAsync(19, () => _year.CaseAsync("retiree-certification", Certification, ("terminated", "terminated")));

        var report = await _engine.Mediator.Send(new GetStatistics(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        var rows = report.Rows.ToDictionary(r => r.AffairTypeId);

        Assert.Equal(720, rows["dibao"].Completed);
        Assert.Equal(1450, rows["medical-insurance"].Approved);
        Assert.True(rows["retiree-certification"].Approved >= 2700);
        foreach (var (type, tally) in _year.Tallies)
        {
            var row = rows[type];
            var days = tally.WorkingDays.Order().ToList();
            Assert.Equal(new DateOnly(2026, 1, 1), row.PeriodStart);
            Assert.Equal(tally.Opened, row.Opened);
            Assert.Equal(tally.Outcomes.Values.Sum(), row.Completed);
            Assert.Equal(
                (tally.Outcomes.GetValueOrDefault("approved"), tally.Outcomes.GetValueOrDefault("rejected"), tally.Outcomes.GetValueOrDefault("withdrawn"), tally.Outcomes.GetValueOrDefault("terminated")),
                (row.Approved, row.Rejected, row.Withdrawn, row.Terminated));
            Assert.Equal((days[(days.Count + 1) / 2 - 1], days[(int)Math.Ceiling(0.9 * days.Count) - 1]), (row.MedianWorkingDays!.Value, row.P90WorkingDays!.Value));
            Assert.Equal((tally.Steps, tally.StepsByB, (double)tally.StepsByB / tally.Steps), (row.Steps, row.StepsByB, row.ShareByB));
            Assert.Equal(tally.OverdueSteps, row.OverdueSteps);
        }
    }

    [Fact]
    public async Task monthly_rows_add_up_to_the_year()
    {
        await ManyAsync(300, () => _year.CaseAsync("medical-insurance", Insurance, ("enrolled", "approved")));
        var year = await _engine.Mediator.Send(new GetStatistics(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));

        var months = await _engine.Mediator.Send(new GetStatistics(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), StatisticsPeriod.Month, "medical-insurance"));

        var total = Assert.Single(year.Rows);
        Assert.True(months.Rows.Count > 1);
        Assert.Equal((total.Opened, total.Completed, total.Steps), (months.Rows.Sum(r => r.Opened), months.Rows.Sum(r => r.Completed), months.Rows.Sum(r => r.Steps)));
        Assert.All(months.Rows, r => Assert.Equal(1, r.PeriodStart.Day));
    }

    [Fact]
    public async Task a_range_that_ends_before_it_starts_is_refused()
    {
        var error = await Assert.ThrowsAsync<Domain.Rejections.CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new GetStatistics(new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1))));

        Assert.Equal(Domain.Rejections.RejectionKind.Validation, error.Kind);
    }

    private static async Task ManyAsync(int count, Func<Task> one)
    {
        for (var i = 0; i < count; i++)
        {
            await one();
        }
    }
}
