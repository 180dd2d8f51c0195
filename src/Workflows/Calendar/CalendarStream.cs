using Affairs.Domain.Calendar.Events;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Calendar;

/// <summary>A year's stream, <c>calendar-{year}</c>, folded to its latest publication (null before the first).</summary>
internal sealed class CalendarStream : IStateFold<CalendarYearPublished?>
{
    public static CalendarStream Fold { get; } = new();

    public CalendarYearPublished? Initial => null;

    public CalendarYearPublished? Apply(CalendarYearPublished? state, object @event) => @event as CalendarYearPublished ?? state;

    /// <summary>Whether two publications say the same (their versions aside).</summary>
    public static bool SameContent(CalendarYearPublished a, CalendarYearPublished b) =>
        a.Year == b.Year && a.Source == b.Source && a.Holidays.SequenceEqual(b.Holidays) && a.WorkingWeekends.SequenceEqual(b.WorkingWeekends);
}
