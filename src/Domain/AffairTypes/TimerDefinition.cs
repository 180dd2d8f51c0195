namespace Affairs.Domain.AffairTypes;

/// <summary>Fires a trigger as the system actor once the case has been in its state for a period.</summary>
public sealed record TimerDefinition
{
    /// <summary>How long after entering the state the timer fires.</summary>
    public Period? After { get; init; }

    /// <summary>The trigger fired; it must leave (or stay in) the state and allow the <c>system</c> role.</summary>
    public string Fire { get; init; } = "";
}
