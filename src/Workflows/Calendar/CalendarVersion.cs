namespace Affairs.Workflows.Calendar;

/// <summary>A published version of one year's working-day calendar: the answer of publishing it, and a line of the list.</summary>
/// <param name="Year">The year.</param>
/// <param name="Version">The version in force (the latest).</param>
/// <param name="Revision">The revision of the year's stream (the ETag for If-Match).</param>
/// <param name="Source">The notice it was published from.</param>
public sealed record CalendarVersion(int Year, int Version, long Revision, string Source);
