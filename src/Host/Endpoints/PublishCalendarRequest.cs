using Affairs.Domain.Calendar;

namespace Affairs.Host.Endpoints;

/// <summary>A year's working-day calendar as the State Council notice gives it (the year is in the route).</summary>
/// <param name="Source">The notice it is published from.</param>
/// <param name="Holidays">Days off: <c>name</c>, <c>from</c>, <c>to</c> (inclusive, <c>yyyy-MM-dd</c>).</param>
/// <param name="WorkingWeekends">Saturdays and Sundays that are working days (<c>yyyy-MM-dd</c>).</param>
internal sealed record PublishCalendarRequest(string? Source, IReadOnlyList<Holiday>? Holidays, IReadOnlyList<DateOnly>? WorkingWeekends);
