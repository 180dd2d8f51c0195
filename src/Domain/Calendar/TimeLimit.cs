namespace Affairs.Domain.Calendar;

/// <summary>A period such as "30 working days" or "7 days".</summary>
/// <param name="Days">How many days, at least 0.</param>
/// <param name="Count">Working or calendar days.</param>
public sealed record TimeLimit(int Days, DayCount Count)
{
    /// <summary>N working days.</summary>
    public static TimeLimit WorkingDays(int days) => new(days, DayCount.WorkingDays);

    /// <summary>N calendar days.</summary>
    public static TimeLimit CalendarDays(int days) => new(days, DayCount.CalendarDays);

    /// <inheritdoc />
    public override string ToString() => Count == DayCount.WorkingDays ? $"{Days} working days" : $"{Days} days";
}
