namespace Affairs.Domain.Cases;

/// <summary>A statutory clock of one case.</summary>
/// <param name="Name">The clock's name.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="LimitDays">The limit.</param>
/// <param name="WorkingDays">Whether days are working days.</param>
/// <param name="ExtensionDays">Days added by extensions.</param>
/// <param name="Extensions">How many times it was extended.</param>
/// <param name="StoppedAt">When it stopped, if it has.</param>
public sealed record CaseClock(string Name, DateTimeOffset StartedAt, int LimitDays, bool WorkingDays, int ExtensionDays, int Extensions, DateTimeOffset? StoppedAt);
