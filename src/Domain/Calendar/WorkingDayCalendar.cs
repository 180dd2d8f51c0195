namespace Affairs.Domain.Calendar;

/// <summary>
/// Working days in the centre's time zone, and periods counted the way administrative law counts them: the day of the
/// triggering event does not count; a period of N working days ends at the end of the N-th working day after it; a
/// period of N calendar days ends at the end of the N-th day after it; an extension adds its days after the end of the
/// original period.
/// </summary>
/// <remarks>
/// Working days are Monday to Friday, less the loaded holidays, plus the loaded working weekend days. A year with no
/// loaded schedule counts Monday to Friday only; <see cref="Covers"/> tells whether a year is loaded and
/// <see cref="IsProvisional"/> whether a count relied on such a year, so callers can say so. An instance never changes:
/// a newly published year makes a new calendar.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _workedWeekends = [];
    private readonly HashSet<int> _years = [];

    /// <summary>Builds the calendar from yearly schedules, in <paramref name="zone"/> (China Standard Time if null).</summary>
    public WorkingDayCalendar(IEnumerable<HolidaySchedule> schedules, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        Zone = zone ?? ChinaStandardTime();
        foreach (var schedule in schedules)
        {
            if (!_years.Add(schedule.Year))
            {
                throw new ArgumentException($"The schedule for {schedule.Year} is loaded twice.", nameof(schedules));
            }

            foreach (var holiday in schedule.Holidays)
            {
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                {
                    _daysOff.Add(day);
                }
            }

            _workedWeekends.UnionWith(schedule.WorkingWeekends);
        }
    }

    /// <summary>The zone in which dates are counted (Asia/Shanghai by default).</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Whether a holiday schedule is loaded for <paramref name="year"/>.</summary>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>
    /// Whether a count of working days from the day after <paramref name="after"/> through <paramref name="through"/>
    /// crosses a year with no loaded schedule: such a count is Monday to Friday only, so the deadline it gives is
    /// provisional until that year's calendar is published.
    /// </summary>
    public bool IsProvisional(DateOnly after, DateOnly through)
    {
        for (var year = after.AddDays(1).Year; year <= through.Year; year++)
        {
            if (!Covers(year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The years whose schedule should be loaded by <paramref name="today"/> and is not: the current year, and from
    /// 1 November (when the State Council has usually published it) the next.
    /// </summary>
    public IReadOnlyList<int> MissingYears(DateOnly today)
    {
        int[] due = today.Month >= 11 ? [today.Year, today.Year + 1] : [today.Year];
        return [.. due.Where(year => !Covers(year))];
    }

    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (_workedWeekends.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day);
    }

    /// <summary>The local date of an instant in <see cref="Zone"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a day ends: midnight at its close, in <see cref="Zone"/>.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The last day of a period that starts with the event on <paramref name="triggerDay"/>.</summary>
    public DateOnly LastDay(DateOnly triggerDay, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(limit.Days);
        if (limit.Count == DayCount.CalendarDays)
        {
            return triggerDay.AddDays(limit.Days);
        }

        var day = triggerDay;
        for (var counted = 0; counted < limit.Days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>When a period triggered at <paramref name="triggeredAt"/> runs out: the end of its last day.</summary>
    public DateTimeOffset Deadline(DateTimeOffset triggeredAt, TimeLimit limit) => EndOf(LastDay(LocalDate(triggeredAt), limit));

    /// <summary>The new deadline after extending a period that ends on <paramref name="originalLastDay"/>.</summary>
    public DateTimeOffset Extend(DateOnly originalLastDay, TimeLimit extension) => EndOf(LastDay(originalLastDay, extension));

    /// <summary>
    /// Working days elapsed from <paramref name="from"/> to <paramref name="to"/>: the working days after the start day up
    /// to and including the end day, so a case decided the next working day took 1.
    /// </summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var start = LocalDate(from);
        var end = LocalDate(to);
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Asia/Shanghai from the system's time-zone data, or a fixed UTC+8 where that data is missing (China has kept no daylight saving since 1991).</summary>
    public static TimeZoneInfo ChinaStandardTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
