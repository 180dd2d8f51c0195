namespace Affairs.Workflows.Deadlines;

/// <summary>A statutory clock of a case and when it runs out.</summary>
/// <param name="Name">The clock.</param>
/// <param name="StartedAt">When it started (acceptance).</param>
/// <param name="LimitDays">The limit.</param>
/// <param name="WorkingDays">Whether days are working days.</param>
/// <param name="ExtensionDays">Days added by extensions.</param>
/// <param name="Deadline">When it runs out, with extensions.</param>
/// <param name="StoppedAt">When it stopped, if it has.</param>
/// <param name="Overdue">Whether it ran out before it stopped (or before now, while running).</param>
/// <param name="Provisional">Whether its working days were counted across a year whose calendar is not published.</param>
public sealed record ClockDeadline(string Name, DateTimeOffset StartedAt, int LimitDays, bool WorkingDays, int ExtensionDays, DateTimeOffset Deadline, DateTimeOffset? StoppedAt, bool Overdue, bool Provisional);
