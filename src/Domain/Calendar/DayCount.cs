namespace Affairs.Domain.Calendar;

/// <summary>How the days of a time limit are counted.</summary>
public enum DayCount
{
    /// <summary>Working days: Monday to Friday, less holidays, plus worked weekend days.</summary>
    WorkingDays,

    /// <summary>Every calendar day (the 7-day public notice).</summary>
    CalendarDays,
}
