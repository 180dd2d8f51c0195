namespace Affairs.Workflows.Deadlines;

/// <summary>When a period runs out, and whether that is provisional.</summary>
/// <param name="At">The end of the period's last day.</param>
/// <param name="Provisional">
/// Whether the count of working days crossed a year whose calendar is not published: it counted Monday to Friday there,
/// and the deadline may move when that year is published.
/// </param>
public sealed record CountedDeadline(DateTimeOffset At, bool Provisional);
