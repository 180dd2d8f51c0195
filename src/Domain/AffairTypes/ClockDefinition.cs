namespace Affairs.Domain.AffairTypes;

/// <summary>
/// A statutory time limit spanning several states: it starts when the case first enters <see cref="StartsOn"/> and
/// stops on entering any of <see cref="StopsOn"/> (or any terminal state when none are listed). Deadlines are computed
/// from it by the working-day calendar.
/// </summary>
public sealed record ClockDefinition
{
    /// <summary>The clock's name (<c>statutory</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>The state whose first entry starts the clock (for dibao, the state after acceptance).</summary>
    public string StartsOn { get; init; } = "";

    /// <summary>States that stop the clock; empty means every terminal state.</summary>
    public IReadOnlyList<string> StopsOn { get; init; } = [];

    /// <summary>The limit (30 working days).</summary>
    public Period? Limit { get; init; }

    /// <summary>The optional extension (once by 15 working days, with a reason).</summary>
    public ClockExtension? Extension { get; init; }
}
