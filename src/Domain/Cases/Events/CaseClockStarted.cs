using Affairs.Domain.Events;

namespace Affairs.Domain.Cases.Events;

/// <summary>A statutory clock started (30 working days from acceptance): a fact recorded at the decision, so replay needs no rule.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Clock">The clock's name.</param>
/// <param name="LimitDays">Its limit.</param>
/// <param name="WorkingDays">Whether the limit counts working days (else calendar days).</param>
/// <param name="At">When it started.</param>
[EventType("case.clock-started.v1")]
public sealed record CaseClockStarted(string CaseId, string Clock, int LimitDays, bool WorkingDays, DateTimeOffset At);
