using System.Globalization;
using Affairs.Domain.Rejections;

namespace Affairs.Domain.Calendar;

/// <summary>
/// What makes a year's schedule coherent, checked the same way for the shipped file and for a publication: every date
/// inside the year, each holiday a range, no day listed twice, and no day both off and worked.
/// </summary>
public static class HolidayScheduleRules
{
    /// <summary>The earliest year a schedule may cover.</summary>
    public const int FirstYear = 2000;

    /// <summary>The latest year a schedule may cover.</summary>
    public const int LastYear = 2100;

    /// <summary>The most holidays, and the most working weekend days, one year may list.</summary>
    public const int MaxEntries = 60;

    /// <summary>Adds every problem of <paramref name="schedule"/> to <paramref name="errors"/>, by field (<c>holidays[2].to</c>).</summary>
    public static void Check(HolidaySchedule schedule, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(errors);
        var year = schedule.Year;
        if (year is < FirstYear or > LastYear)
        {
            errors.Add("year", Invariant($"A calendar covers a year from {FirstYear} to {LastYear}."));
            return;
        }

        var off = CheckHolidays(schedule, errors);
        CheckWeekends(schedule, off, errors);
    }

    private static HashSet<DateOnly> CheckHolidays(HolidaySchedule schedule, ValidationErrors errors)
    {
        var off = new HashSet<DateOnly>();
        errors.AddIf(schedule.Holidays.Count > MaxEntries, "holidays", Invariant($"A year lists at most {MaxEntries} holidays."));
        for (var i = 0; i < schedule.Holidays.Count && i < MaxEntries; i++)
        {
            var holiday = schedule.Holidays[i];
            var field = Invariant($"holidays[{i}]");
            if (holiday is null)
            {
                errors.Add(field, "Give the holiday's name, from and to.");
                continue;
            }

            errors.AddIf(string.IsNullOrWhiteSpace(holiday.Name) || holiday.Name.Length > 100, field + ".name", "A holiday has a name of 1 to 100 characters.");
            var fromInside = holiday.From.Year == schedule.Year;
            var toInside = holiday.To.Year == schedule.Year;
            errors.AddIf(!fromInside, field + ".from", Invariant($"The first day off is a date of {schedule.Year}."))
                .AddIf(!toInside, field + ".to", Invariant($"The last day off is a date of {schedule.Year}."));
            if (!fromInside || !toInside)
            {
                continue;
            }

            if (holiday.To < holiday.From)
            {
                errors.Add(field + ".to", "The last day off is on or after the first.");
                continue;
            }

            for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
            {
                if (!off.Add(day))
                {
                    errors.Add(field, Invariant($"{day:yyyy-MM-dd} is already a day off of another holiday."));
                    break;
                }
            }
        }

        return off;
    }

    private static void CheckWeekends(HolidaySchedule schedule, HashSet<DateOnly> off, ValidationErrors errors)
    {
        var worked = new HashSet<DateOnly>();
        errors.AddIf(schedule.WorkingWeekends.Count > MaxEntries, "workingWeekends", Invariant($"A year lists at most {MaxEntries} working weekend days."));
        for (var i = 0; i < schedule.WorkingWeekends.Count && i < MaxEntries; i++)
        {
            var day = schedule.WorkingWeekends[i];
            var field = Invariant($"workingWeekends[{i}]");
            if (day.Year != schedule.Year || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add(field, Invariant($"{day:yyyy-MM-dd} is listed as a working weekend day but is not a Saturday or Sunday of {schedule.Year}."));
            }
            else if (!worked.Add(day))
            {
                errors.Add(field, Invariant($"{day:yyyy-MM-dd} is listed twice."));
            }
            else if (off.Contains(day))
            {
                errors.Add(field, Invariant($"{day:yyyy-MM-dd} is a day off of a holiday; a day is either off or worked."));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
