namespace Affairs.Workflows.Cases;

/// <summary>Whether a case is still being worked on.</summary>
public enum CaseStatus
{
    /// <summary>Not yet in a terminal state.</summary>
    Open,

    /// <summary>In a terminal state, with an outcome.</summary>
    Closed,
}
