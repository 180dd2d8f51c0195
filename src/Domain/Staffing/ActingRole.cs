namespace Affairs.Domain.Staffing;

/// <summary>In which capacity someone acted on a case step. Recorded on every act.</summary>
public enum ActingRole
{
    /// <summary>The A holder (主办) of the step's post, or the grid worker.</summary>
    A,

    /// <summary>The B holder (协办), or the grid worker's backup, covering for A.</summary>
    B,

    /// <summary>The section head.</summary>
    Supervisor,

    /// <summary>The engine itself (timers, reactions to recorded facts).</summary>
    System,

    /// <summary>The applicant's side: the counter, the online channel or an agent opening the case.</summary>
    Applicant,
}
