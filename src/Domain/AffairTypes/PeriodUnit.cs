namespace Affairs.Domain.AffairTypes;

/// <summary>How a period is counted.</summary>
public enum PeriodUnit
{
    /// <summary>Working days of the configured calendar (public holidays and swapped weekends applied).</summary>
    WorkingDays,

    /// <summary>Calendar days (the 7-day public notice).</summary>
    CalendarDays,

    /// <summary>Calendar months (the yearly certification, the six-monthly re-review).</summary>
    Months,
}
