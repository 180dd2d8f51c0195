using System.Globalization;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Projections;

namespace Affairs.Host.Requests;

/// <summary>
/// Reads the query string of a list route: every value arrives as text and is checked here, so a bad one is a 400
/// naming its parameter (and the allowed values) rather than the framework's generic binding failure.
/// </summary>
internal static class ListQuery
{
    public static int Limit(string? text, ValidationErrors errors)
    {
        if (text is null)
        {
            return PageCursor.DefaultLimit;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            return limit;
        }

        errors.Add("limit", $"The page size is a whole number from 1 to {PageCursor.MaxLimit}.");
        return PageCursor.DefaultLimit;
    }

    public static CaseStatus? Status(string? text, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<CaseStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !char.IsAsciiDigit(text[0]))
        {
            return status;
        }

        errors.Add("status", "The status is one of open, closed.");
        return null;
    }

    /// <summary>
    /// A bound of a half-open range: an ISO time as given, or a date (<c>2026-03-09</c>) in the centre's time zone, whose
    /// start is the bound for a range's start and whose end (the next day's start) for a range's end.
    /// </summary>
    public static DateTimeOffset? Moment(string? text, string field, bool rangeEnd, TimeZoneInfo zone, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = (rangeEnd ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }

        errors.Add(field, "A date (2026-03-09) or an ISO 8601 time (2026-03-09T09:00:00+08:00).");
        return null;
    }
}
