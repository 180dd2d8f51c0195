namespace Affairs.Domain.AffairTypes;

/// <summary>
/// The roles a transition may be fired in. The caller works out which of these an actor holds for one case
/// (responsibility, AB-post cover and grids are decided elsewhere) and passes them as a set.
/// </summary>
public enum CaseRole
{
    /// <summary>Whoever is responsible for the state's handler post right now: the A holder, B covering, or the grid worker.</summary>
    Handler,

    /// <summary>The section head, for decisions reserved to the supervisor.</summary>
    Supervisor,

    /// <summary>The engine itself, firing timers; never a person.</summary>
    System,

    /// <summary>The resident (or the agent acting for the household) who applied.</summary>
    Applicant,
}
