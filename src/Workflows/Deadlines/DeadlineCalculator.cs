using Affairs.Domain.AffairTypes;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;

namespace Affairs.Workflows.Deadlines;

/// <summary>
/// Counts the deadlines of a case as administrative law counts them: a step's time limit from the pinned definition,
/// from the moment the case entered the step (working days, calendar days or months), and each statutory clock from its
/// start with its extensions added after the original period ends. Nothing is stored: every count uses the calendar in
/// force when it is made, so a newly published year shows in the next answer, and a count that crosses a year not yet
/// published is marked provisional.
/// </summary>
public sealed class DeadlineCalculator(AffairTypeCatalog catalog, CalendarCatalog calendars)
{
    /// <summary>The calendar in force, which the deadlines are counted in.</summary>
    public WorkingDayCalendar Calendar => calendars.Current;

    /// <summary>When a period that starts at <paramref name="start"/> runs out: the end of its last day.</summary>
    public DateTimeOffset Due(DateTimeOffset start, Period period) => Count(Calendar, start, period).At;

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
    public DateTimeOffset? StepDeadline(CaseState state) => StepDue(state)?.At;

    /// <summary>The deadline of the case's current step and whether it is provisional; null as for <see cref="StepDeadline"/>.</summary>
    public CountedDeadline? StepDue(CaseState state) => StepDue(Calendar, state);

    /// <summary>When a statutory clock runs out, with its extensions.</summary>
    public DateTimeOffset ClockDeadline(CaseClock clock) => ClockDue(clock).At;

    /// <summary>When a statutory clock runs out, with its extensions, and whether that is provisional.</summary>
    public CountedDeadline ClockDue(CaseClock clock) => ClockDue(Calendar, clock);

    /// <summary>Every deadline of the case as of <paramref name="now"/>, counted with one calendar.</summary>
    public CaseDeadlines Of(CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var calendar = Calendar;
        var step = StepDue(calendar, state);
        var clocks = state.Clocks.Values
            .OrderBy(c => c.StartedAt)
            .Select(c =>
            {
                var due = ClockDue(calendar, c);
                return new ClockDeadline(c.Name, c.StartedAt, c.LimitDays, c.WorkingDays, c.ExtensionDays, due.At, c.StoppedAt, (c.StoppedAt ?? now) > due.At, due.Provisional);
            })
            .ToList();
        var stepProvisional = step?.Provisional == true;
        return new CaseDeadlines(state.CaseId, state.State, state.Step.StartedAt, step?.At, step?.At < now, clocks, now, stepProvisional, stepProvisional || clocks.Any(c => c.Provisional));
    }

    private CountedDeadline? StepDue(WorkingDayCalendar calendar, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.IsClosed)
        {
            return null;
        }

        return TimeLimitOf(state.AffairTypeId, state.DefinitionVersion, state.State) is { } limit ? Count(calendar, state.Step.StartedAt, limit) : null;
    }

    private static CountedDeadline Count(WorkingDayCalendar calendar, DateTimeOffset start, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = calendar.LocalDate(start);
        return period.Unit switch
        {
            PeriodUnit.Months => new(calendar.EndOf(from.AddMonths(period.Amount)), false),
            PeriodUnit.CalendarDays => new(calendar.EndOf(calendar.LastDay(from, TimeLimit.CalendarDays(period.Amount))), false),
            _ => WorkingDays(calendar, from, calendar.LastDay(from, TimeLimit.WorkingDays(period.Amount))),
        };
    }

    private static CountedDeadline ClockDue(WorkingDayCalendar calendar, CaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var count = clock.WorkingDays ? DayCount.WorkingDays : DayCount.CalendarDays;
        var from = calendar.LocalDate(clock.StartedAt);
        var lastDay = calendar.LastDay(from, new TimeLimit(clock.LimitDays, count));
        if (clock.ExtensionDays > 0)
        {
            lastDay = calendar.LastDay(lastDay, new TimeLimit(clock.ExtensionDays, count));
        }

        return clock.WorkingDays ? WorkingDays(calendar, from, lastDay) : new(calendar.EndOf(lastDay), false);
    }

    private static CountedDeadline WorkingDays(WorkingDayCalendar calendar, DateOnly from, DateOnly lastDay) =>
        new(calendar.EndOf(lastDay), calendar.IsProvisional(from, lastDay));
}
