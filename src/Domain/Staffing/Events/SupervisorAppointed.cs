using Affairs.Domain.Events;

namespace Affairs.Domain.Staffing.Events;

/// <summary>The section head (supervisor) was appointed: may act on any case and reassign it, and receives cases when both A and B are away.</summary>
[EventType("organisation.supervisor-appointed.v1")]
public sealed record SupervisorAppointed(string StaffId, DateTimeOffset At);
