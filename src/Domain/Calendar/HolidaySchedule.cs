namespace Affairs.Domain.Calendar;

/// <summary>
/// One year's published holiday schedule: the days off, and the weekend days that are worked instead (调休).
/// Published each November for the next year, so it is data an administrator loads, never code.
/// </summary>
/// <param name="Year">The calendar year it covers.</param>
/// <param name="Holidays">Days off, each an inclusive range.</param>
/// <param name="WorkingWeekends">Saturdays and Sundays that are working days.</param>
/// <param name="Source">Where the schedule was published.</param>
public sealed record HolidaySchedule(int Year, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> WorkingWeekends, string Source);
