namespace Affairs.Domain.AffairTypes;

/// <summary>How a statutory clock may be extended: by a trigger (with a reason), a limited number of times.</summary>
public sealed record ClockExtension
{
    /// <summary>The trigger that extends the clock; an internal transition that requires a reason.</summary>
    public string Trigger { get; init; } = "";

    /// <summary>How much one extension adds, after the end of the original period.</summary>
    public Period? By { get; init; }

    /// <summary>How many extensions a case may have; once unless stated.</summary>
    public int Times { get; init; } = 1;
}
