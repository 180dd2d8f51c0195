namespace Affairs.Domain.AffairTypes;

/// <summary>
/// One state of an affair type. A terminal state has an <see cref="Outcome"/> and nothing else; every other state
/// names its handler post and its time limit, and may run timers.
/// </summary>
public sealed record StateDefinition
{
    /// <summary>The state's name (<c>public-notice</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>The display name.</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>Set on terminal states only: how a case that ends here ended.</summary>
    public Outcome? Outcome { get; init; }

    /// <summary>
    /// Who works the case in this state: a post id (<c>dibao</c>), <c>grid</c> (the grid worker of the subject's
    /// grid) or <c>supervisor</c>. Required on non-terminal states.
    /// </summary>
    public string? Handler { get; init; }

    /// <summary>How long the handler has for this step. Required on non-terminal states.</summary>
    public Period? TimeLimit { get; init; }

    /// <summary>Triggers fired automatically after a time in this state.</summary>
    public IReadOnlyList<TimerDefinition> Timers { get; init; } = [];

    /// <summary>True when the state ends the case.</summary>
    public bool IsTerminal => Outcome is not null;
}
