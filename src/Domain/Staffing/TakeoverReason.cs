namespace Affairs.Domain.Staffing;

/// <summary>Why someone other than A is responsible for a step.</summary>
public enum TakeoverReason
{
    /// <summary>A is away (leave, trip, meeting) at that moment: B covers.</summary>
    AAbsent,

    /// <summary>A has not acted on the step within the post's takeover delay: B takes over.</summary>
    ALate,

    /// <summary>A and B are both away: the supervisor has it, with an alert.</summary>
    BothAbsent,

    /// <summary>B acted on this step while covering and keeps it until the step ends, though A is back.</summary>
    KeptByB,

    /// <summary>The post or grid has no holders assigned: the supervisor has it, with an alert.</summary>
    Unstaffed,

    /// <summary>The supervisor reassigned the step to someone with a reason.</summary>
    Reassigned,

    /// <summary>The supervisor acted on a step that was someone else's, as the supervisor always may.</summary>
    SupervisorIntervened,
}
