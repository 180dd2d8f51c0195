using Affairs.Workflows.Calendar;
using Affairs.Workflows.Projections;

namespace Affairs.Workflows.Statistics;

/// <summary>Computes the statistics rows from the case board: the board keeps each case's figures, this groups them.</summary>
public sealed class CaseStatistics(CalendarCatalog calendars)
{
    /// <summary>The rows of <paramref name="query"/>, ordered by affair type and period.</summary>
    public IReadOnlyList<StatisticsRow> Rows(CaseBoard board, GetStatistics query)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(query);
        var calendar = calendars.Current;
        var cases = board.Cases.Where(c => query.AffairTypeId is null || c.State.AffairTypeId == query.AffairTypeId).ToList();
        var opened = cases
            .Select(c => (Case: c, Day: calendar.LocalDate(c.State.OpenedAt)))
            .Where(x => x.Day >= query.From && x.Day <= query.To)
            .GroupBy(x => (x.Case.State.AffairTypeId, PeriodStart(x.Day, query.Period)))
            .ToDictionary(g => g.Key, g => g.Count());
        var completed = cases
            .Where(c => c.State.ClosedAt is not null)
            .Select(c => (Case: c, Day: calendar.LocalDate(c.State.ClosedAt!.Value)))
            .Where(x => x.Day >= query.From && x.Day <= query.To)
            .GroupBy(x => (x.Case.State.AffairTypeId, PeriodStart(x.Day, query.Period)))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Case).ToList());
        return [.. opened.Keys.Union(completed.Keys)
            .Order()
            .Select(key => Row(key.AffairTypeId, key.Item2, opened.GetValueOrDefault(key), completed.GetValueOrDefault(key) ?? []))];
    }

    /// <summary>The first day of the period <paramref name="day"/> falls in.</summary>
    public static DateOnly PeriodStart(DateOnly day, StatisticsPeriod period) => period switch
    {
        StatisticsPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        StatisticsPeriod.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    /// <summary>The value at rank ⌈p·n⌉ of the sorted values (nearest rank), or null for none.</summary>
    public static int? Percentile(IReadOnlyList<int> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static StatisticsRow Row(string type, DateOnly start, int opened, List<CaseEntry> done)
    {
        var days = done.Select(c => c.WorkingDaysToClose ?? 0).Order().ToList();
        var steps = done.Sum(c => c.Steps);
        var byB = done.Sum(c => c.StepsByB);
        return new StatisticsRow(
            type, start, opened, done.Count,
            done.Count(c => c.State.Outcome == "approved"),
            done.Count(c => c.State.Outcome == "rejected"),
            done.Count(c => c.State.Outcome == "withdrawn"),
            done.Count(c => c.State.Outcome == "terminated"),
            Percentile(days, 0.5),
            Percentile(days, 0.9),
            steps,
            byB,
            steps == 0 ? 0 : (double)byB / steps,
            done.Sum(c => c.StepsOverdue),
            done.Count(c => c.ClosedLate));
    }
}
