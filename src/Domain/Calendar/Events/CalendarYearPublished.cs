using Affairs.Domain.Events;

namespace Affairs.Domain.Calendar.Events;

/// <summary>
/// A version of one year's working-day calendar was published, in stream <c>calendar-{year}</c>. A correction (a State
/// Council notice that moves a day) is a later version; the latest version is the calendar in force for the year.
/// </summary>
/// <param name="Year">The calendar year it covers.</param>
/// <param name="Version">1 for the first publication of the year, one more for each correction.</param>
/// <param name="Source">The notice it was published from.</param>
/// <param name="Holidays">Days off, each an inclusive range, in date order.</param>
/// <param name="WorkingWeekends">Saturdays and Sundays that are working days, in date order.</param>
[EventType("calendar.year-published.v1")]
public sealed record CalendarYearPublished(int Year, int Version, string Source, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> WorkingWeekends);
