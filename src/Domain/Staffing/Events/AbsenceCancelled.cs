using Affairs.Domain.Events;

namespace Affairs.Domain.Staffing.Events;

/// <summary>A registered absence did not happen.</summary>
[EventType("organisation.absence-cancelled.v1")]
public sealed record AbsenceCancelled(string AbsenceId, string Reason, DateTimeOffset At);
