using Affairs.Domain.Calendar;

namespace Affairs.Workflows.Calendar;

/// <summary>The version of one year's calendar in force: its holidays and worked weekend days.</summary>
/// <param name="Year">The year.</param>
/// <param name="Version">The latest version.</param>
/// <param name="Revision">The revision of the year's stream (the ETag for If-Match).</param>
/// <param name="Source">The notice it was published from.</param>
/// <param name="Holidays">Days off, each an inclusive range, in date order.</param>
/// <param name="WorkingWeekends">Saturdays and Sundays that are working days, in date order.</param>
public sealed record CalendarYear(int Year, int Version, long Revision, string Source, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> WorkingWeekends)
{
    /// <summary>The schedule the working-day calendar is built from.</summary>
    public HolidaySchedule ToSchedule() => new(Year, Holidays, WorkingWeekends, Source);

    /// <summary>The line of the list.</summary>
    public CalendarVersion ToVersion() => new(Year, Version, Revision, Source);
}
