using Affairs.Domain.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases.Events;

/// <summary>A statutory clock was extended (once, by 15 working days, for a complex case), with a reason.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Clock">The clock's name.</param>
/// <param name="Days">The extension.</param>
/// <param name="WorkingDays">Whether it counts working days.</param>
/// <param name="Reason">Why.</param>
/// <param name="ActorId">Who.</param>
/// <param name="ActingRole">In which role.</param>
/// <param name="At">When.</param>
[EventType("case.clock-extended.v1")]
public sealed record CaseClockExtended(string CaseId, string Clock, int Days, bool WorkingDays, string Reason, string ActorId, ActingRole ActingRole, DateTimeOffset At);
