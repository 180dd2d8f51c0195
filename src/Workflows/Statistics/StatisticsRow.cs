namespace Affairs.Workflows.Statistics;

/// <summary>
/// The figures of one affair type in one period. Opened counts cases opened in the period; the outcome counts, the
/// durations, the steps and the overdue counts are of cases completed (closed) in the period.
/// </summary>
/// <param name="AffairTypeId">The affair type.</param>
/// <param name="PeriodStart">The first day of the period.</param>
/// <param name="Opened">Cases opened.</param>
/// <param name="Completed">Cases completed, whatever the outcome.</param>
/// <param name="Approved">Completed with outcome approved.</param>
/// <param name="Rejected">Completed with outcome rejected.</param>
/// <param name="Withdrawn">Completed with outcome withdrawn.</param>
/// <param name="Terminated">Completed with outcome terminated.</param>
/// <param name="MedianWorkingDays">Median working days from opening to completion (nearest rank); null when none completed.</param>
/// <param name="P90WorkingDays">90th percentile of the same (nearest rank).</param>
/// <param name="Steps">Steps ended by staff in those cases.</param>
/// <param name="StepsByB">Of those, steps ended by B.</param>
/// <param name="ShareByB">StepsByB / Steps, 0 when there were none.</param>
/// <param name="OverdueSteps">Steps ended after their time limit.</param>
/// <param name="ClosedLate">Cases completed after their statutory deadline.</param>
public sealed record StatisticsRow(
    string AffairTypeId,
    DateOnly PeriodStart,
    int Opened,
    int Completed,
    int Approved,
    int Rejected,
    int Withdrawn,
    int Terminated,
    int? MedianWorkingDays,
    int? P90WorkingDays,
    int Steps,
    int StepsByB,
    double ShareByB,
    int OverdueSteps,
    int ClosedLate);
