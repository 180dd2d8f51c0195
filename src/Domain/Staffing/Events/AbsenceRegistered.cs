using Affairs.Domain.Events;

namespace Affairs.Domain.Staffing.Events;

/// <summary>A member of staff is or was away from From to To (leave, business trip, meeting). It may be registered ahead of time or after the fact; it counts from From either way.</summary>
[EventType("organisation.absence-registered.v1")]
public sealed record AbsenceRegistered(string AbsenceId, string StaffId, DateTimeOffset From, DateTimeOffset To, AbsenceKind Kind, DateTimeOffset At);
