using Affairs.Domain.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases.Events;

/// <summary>
/// The AB-post rule moved a waiting step to someone else without being asked: B because A is away or late, or the
/// supervisor because A and B are both away. Recorded so that responsibility at every moment is exact.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="State">The step.</param>
/// <param name="Handler">The step's handler.</param>
/// <param name="FromStaffId">Who had it.</param>
/// <param name="ToStaffId">Who has it now.</param>
/// <param name="ToRole">B or supervisor.</param>
/// <param name="Reason">A away, A late, or both away.</param>
/// <param name="Alert">Whether the supervisor is alerted.</param>
/// <param name="At">When the takeover took effect (the absence's start, or the end of A's delay).</param>
[EventType("case.escalated.v1")]
public sealed record CaseEscalated(
    string CaseId,
    string State,
    string Handler,
    string? FromStaffId,
    string? ToStaffId,
    ActingRole ToRole,
    TakeoverReason Reason,
    bool Alert,
    DateTimeOffset At);
