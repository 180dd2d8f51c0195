using System.Globalization;
using Affairs.Domain.Calendar;

namespace Affairs.Workflows.Queues;

/// <summary>Something the centre as a whole lacks, shown to the supervisor beside the case alerts.</summary>
/// <param name="Code">A stable code clients may branch on (<c>calendar.not-published</c>).</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Year">The year concerned, where there is one.</param>
public sealed record CentreAlert(string Code, string Message, int? Year)
{
    /// <summary>The code of a working-day calendar that should be published by now and is not.</summary>
    public const string CalendarNotPublished = "calendar.not-published";

    /// <summary>
    /// One alert per year whose calendar is missing at <paramref name="now"/>: the current year, and from 1 November the
    /// next (deadlines reaching into it are counted Monday to Friday and marked provisional until it is published).
    /// </summary>
    public static IReadOnlyList<CentreAlert> ForMissingCalendars(WorkingDayCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. calendar.MissingYears(calendar.LocalDate(now)).Select(year => new CentreAlert(
            CalendarNotPublished,
            string.Create(CultureInfo.InvariantCulture, $"The working-day calendar of {year} is not published: deadlines in {year} are counted Monday to Friday and marked provisional. An administrator publishes it from the State Council notice."),
            year))];
    }
}
