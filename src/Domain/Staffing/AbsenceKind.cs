namespace Affairs.Domain.Staffing;

/// <summary>Why a member of staff is away.</summary>
public enum AbsenceKind
{
    /// <summary>Leave (请假).</summary>
    Leave,

    /// <summary>A business trip (出差).</summary>
    BusinessTrip,

    /// <summary>A meeting away from the post (开会).</summary>
    Meeting,
}
