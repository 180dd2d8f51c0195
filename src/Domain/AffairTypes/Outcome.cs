namespace Affairs.Domain.AffairTypes;

/// <summary>How a case ended: every terminal state carries one.</summary>
public enum Outcome
{
    /// <summary>Granted, enrolled or certified.</summary>
    Approved,

    /// <summary>Refused (including "not accepted"); always with a written reason.</summary>
    Rejected,

    /// <summary>The applicant withdrew before the decision.</summary>
    Withdrawn,

    /// <summary>Ended by an outside fact, such as a death.</summary>
    Terminated,

    /// <summary>A service that ran its course (home care closed).</summary>
    Completed,
}
