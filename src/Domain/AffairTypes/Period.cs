namespace Affairs.Domain.AffairTypes;

/// <summary>
/// A length of time in a unit. As administrative law counts it, the day of the triggering event does not count and
/// the period ends at the end of its last day; the working-day calendar that turns this into a date lives elsewhere.
/// </summary>
public sealed record Period
{
    /// <summary>How many units; positive.</summary>
    public int Amount { get; init; }

    /// <summary>The unit; required.</summary>
    public PeriodUnit? Unit { get; init; }

    /// <inheritdoc />
    public override string ToString() => Unit switch
    {
        PeriodUnit.WorkingDays => $"{Amount} working days",
        PeriodUnit.CalendarDays => $"{Amount} days",
        PeriodUnit.Months => $"{Amount} months",
        _ => $"{Amount}",
    };
}
