using System.Globalization;
using Affairs.Domain.Calendar;
using Affairs.Domain.Rejections;
using Affairs.Host.Security;
using Affairs.Workflows.Calendar;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// Working-day calendars for the administrator: the years published and whether the next is missing, one year's
/// holidays and worked weekend days, and publishing a year (again, with other content, for a correction).
/// </summary>
[Authorize(Policy = AccessPolicies.Administer)]
public sealed class CalendarsModel : AdministrationPage
{
    private static readonly char[] Separators = [',', '，', '\t'];

    /// <summary>The year shown.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The year to publish.</summary>
    [BindProperty]
    public int? PublishYear { get; set; }

    /// <summary>The notice it is published from.</summary>
    [BindProperty]
    public string? Source { get; set; }

    /// <summary>The holidays, one a line: name, first day, last day.</summary>
    [BindProperty]
    public string? Holidays { get; set; }

    /// <summary>The worked weekend days, one a line.</summary>
    [BindProperty]
    public string? WorkingWeekends { get; set; }

    /// <summary>The revision of the year the form started from (If-Match), with that year.</summary>
    [BindProperty]
    public long? Revision { get; set; }

    /// <summary>Every year published, in order.</summary>
    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];

    /// <summary>The year shown, or null.</summary>
    public CalendarYear? Shown { get; private set; }

    /// <summary>Today in the centre.</summary>
    public DateOnly Today => Calendar.LocalDate(Now);

    /// <summary>Whether next year's calendar is not yet published.</summary>
    public bool NextYearMissing => Years.All(y => y.Year != Today.Year + 1);

    /// <summary>The years whose calendar should be published by now and is not, as the supervisor is alerted to them.</summary>
    public IReadOnlyList<int> Overdue => Calendar.MissingYears(Today);

    /// <summary>Shows the years and, for the year chosen, its calendar in the form for a correction; 404 for a year not published.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Shown is not { } shown)
        {
            PublishYear = Year ?? (NextYearMissing ? Today.Year + 1 : null);
            return Year is null ? Page() : Refused(StatusCodes.Status404NotFound, "calendar.not-found", "No working-day calendar is published for that year.");
        }

        PublishYear = shown.Year;
        Source = shown.Source;
        Revision = shown.Revision;
        Holidays = string.Join("\n", shown.Holidays.Select(h => $"{h.Name}, {Iso(h.From)}, {Iso(h.To)}"));
        WorkingWeekends = string.Join("\n", shown.WorkingWeekends.Select(Iso));
        return Page();
    }

    /// <summary>Publishes the year in the form.</summary>
    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => AttemptAsync(
        async () =>
        {
            var errors = new ValidationErrors();
            var holidays = ReadHolidays(errors);
            var weekends = ReadWeekends(errors);
            errors.ThrowIfAny();
            var year = PublishYear ?? 0;
            var expected = Year == year ? Revision : null;
            return await Mediator.Send(new PublishCalendarYear(year, Source ?? string.Empty, holidays, weekends, expected, Context()), ct);
        },
        published => Texts["Published the calendar of {0}, version {1}.", published.Year, published.Version].Value,
        published => new { year = published.Year },
        ct);

    /// <summary>A date as the form writes it.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal override Task LoadAsync(CancellationToken ct)
    {
        var calendars = HttpContext.RequestServices.GetRequiredService<CalendarCatalog>();
        Years = [.. calendars.Years.OrderBy(y => y.Year)];
        Shown = Year is { } year ? calendars.Year(year) : null;
        return Task.CompletedTask;
    }

    private List<Holiday> ReadHolidays(ValidationErrors errors)
    {
        var holidays = new List<Holiday>();
        foreach (var (line, i) in Lines(Holidays).Select((line, i) => (line, i)))
        {
            var parts = line.Split(Separators, StringSplitOptions.TrimEntries);
            DateOnly? from = parts.Length is 2 or 3 ? Date(parts[1]) : null;
            DateOnly? to = parts.Length == 3 ? Date(parts[2]) : from;
            if (from is null || to is null)
            {
                errors.Add($"holidays[{i}]", Texts["Line {0}: write the name, the first day and the last day off (yyyy-MM-dd), separated by commas.", i + 1]);
                continue;
            }

            holidays.Add(new Holiday(parts[0], from.Value, to.Value));
        }

        return holidays;
    }

    private List<DateOnly> ReadWeekends(ValidationErrors errors)
    {
        var days = new List<DateOnly>();
        var entries = (WorkingWeekends ?? string.Empty).Split([.. Separators, '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (entry, i) in entries.Select((entry, i) => (entry, i)))
        {
            if (Date(entry) is { } day)
            {
                days.Add(day);
            }
            else
            {
                errors.Add($"workingWeekends[{i}]", Texts["Not a date of the form yyyy-MM-dd."]);
            }
        }

        return days;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
