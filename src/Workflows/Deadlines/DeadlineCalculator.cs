using Affairs.Domain.AffairTypes;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Deadlines;

/// <summary>
/// Counts the deadlines of a case as administrative law counts them: a step's time limit from the pinned definition,
/// from the moment the case entered the step (working days, calendar days or months), and each statutory clock from its
/// start with its extensions added after the original period ends.
/// </summary>
public sealed class DeadlineCalculator(AffairTypeCatalog catalog, WorkingDayCalendar calendar)
{
    /// <summary>The calendar the deadlines are counted in.</summary>
    public WorkingDayCalendar Calendar => calendar;

    /// <summary>When a period that starts at <paramref name="start"/> runs out: the end of its last day.</summary>
    public DateTimeOffset Due(DateTimeOffset start, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Unit switch
        {
            PeriodUnit.Months => calendar.EndOf(calendar.LocalDate(start).AddMonths(period.Amount)),
            PeriodUnit.CalendarDays => calendar.Deadline(start, TimeLimit.CalendarDays(period.Amount)),
            _ => calendar.Deadline(start, TimeLimit.WorkingDays(period.Amount)),
        };
    }

    /// <summary>The time limit of <paramref name="stateName"/> in the case's pinned definition, if it has one.</summary>
    public Period? TimeLimitOf(string affairTypeId, int version, string stateName)
    {
        var type = TryResolve(affairTypeId, version);
        return type?.States.FirstOrDefault(s => s.Name == stateName)?.TimeLimit;
    }

    /// <summary>The pinned definition of a case, or null when the catalog does not hold it.</summary>
    public CompiledAffairType? TryResolve(string affairTypeId, int version)
    {
        try
        {
            return catalog.Resolve(affairTypeId, version);
        }
        catch (AffairTypeNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The deadline of the case's current step, or null when the step has no time limit (or the case is closed).</summary>
    public DateTimeOffset? StepDeadline(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.IsClosed)
        {
            return null;
        }

        return TimeLimitOf(state.AffairTypeId, state.DefinitionVersion, state.State) is { } limit ? Due(state.Step.StartedAt, limit) : null;
    }

    /// <summary>When a statutory clock runs out, with its extensions.</summary>
    public DateTimeOffset ClockDeadline(CaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var count = clock.WorkingDays ? DayCount.WorkingDays : DayCount.CalendarDays;
        var lastDay = calendar.LastDay(calendar.LocalDate(clock.StartedAt), new TimeLimit(clock.LimitDays, count));
        return clock.ExtensionDays > 0
            ? calendar.Extend(lastDay, new TimeLimit(clock.ExtensionDays, count))
            : calendar.EndOf(lastDay);
    }
}
