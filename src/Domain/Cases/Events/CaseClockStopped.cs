using Affairs.Domain.Events;

namespace Affairs.Domain.Cases.Events;

/// <summary>A statutory clock stopped: the case reached a state that ends it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Clock">The clock's name.</param>
/// <param name="At">When.</param>
[EventType("case.clock-stopped.v1")]
public sealed record CaseClockStopped(string CaseId, string Clock, DateTimeOffset At);
