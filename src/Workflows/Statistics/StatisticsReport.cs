namespace Affairs.Workflows.Statistics;

/// <summary>Statistics per affair type and period over a date range.</summary>
/// <param name="From">The first day, inclusive (local date of the centre).</param>
/// <param name="To">The last day, inclusive.</param>
/// <param name="Period">How the range is cut.</param>
/// <param name="Rows">One row per affair type and period with anything in it.</param>
/// <param name="Checkpoint">The log position the read model had reached.</param>
public sealed record StatisticsReport(DateOnly From, DateOnly To, StatisticsPeriod Period, IReadOnlyList<StatisticsRow> Rows, long Checkpoint);
