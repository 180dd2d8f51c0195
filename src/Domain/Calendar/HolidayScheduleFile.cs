using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Rejections;

namespace Affairs.Domain.Calendar;

/// <summary>
/// Reads a year's schedule from its data file (<c>calendars/2026.json</c>): <c>year</c>, <c>source</c>,
/// <c>holidays</c> (<c>name</c>, <c>from</c>, <c>to</c>) and <c>workingWeekends</c>, dates as <c>yyyy-MM-dd</c>.
/// </summary>
public static class HolidayScheduleFile
{
    /// <summary>Parses one file's JSON, refusing a schedule that breaks <see cref="HolidayScheduleRules"/>.</summary>
    /// <exception cref="FormatException">The file is not a valid schedule; the message says where.</exception>
    public static HolidaySchedule Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var year = root.GetProperty("year").GetInt32();
            var source = root.TryGetProperty("source", out var s) ? s.GetString() ?? string.Empty : string.Empty;
            var holidays = root.GetProperty("holidays").EnumerateArray()
                .Select(h => new Holiday(h.GetProperty("name").GetString() ?? string.Empty, Date(h, "from"), Date(h, "to")))
                .ToList();
            var weekends = root.GetProperty("workingWeekends").EnumerateArray().Select(d => ParseDate(d.GetString())).ToList();
            var schedule = new HolidaySchedule(year, holidays, weekends, source);
            Check(schedule);
            return schedule;
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Not a holiday schedule: {error.Message}", error);
        }
    }

    /// <summary>Reads every <c>*.json</c> schedule in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<HolidaySchedule> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => Parse(File.ReadAllText(f))).ToList();

    private static void Check(HolidaySchedule schedule)
    {
        var errors = new ValidationErrors();
        HolidayScheduleRules.Check(schedule, errors);
        if (errors.Any)
        {
            throw new FormatException(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))));
        }
    }

    private static DateOnly Date(JsonElement element, string property) => ParseDate(element.GetProperty(property).GetString());

    private static DateOnly ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a date of the form yyyy-MM-dd.");
}
