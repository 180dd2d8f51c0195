using Affairs.Domain.Events;

namespace Affairs.Domain.Cases.Events;

/// <summary>The supervisor gave the current step to a named member of staff, with a reason.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="State">The step.</param>
/// <param name="ToStaffId">Who has it now.</param>
/// <param name="Reason">Why.</param>
/// <param name="SupervisorId">The supervisor who did it.</param>
/// <param name="At">When.</param>
[EventType("case.reassigned.v1")]
public sealed record CaseReassigned(string CaseId, string State, string ToStaffId, string Reason, string SupervisorId, DateTimeOffset At);
