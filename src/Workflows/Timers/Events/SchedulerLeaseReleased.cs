using Affairs.Domain.Events;

namespace Affairs.Workflows.Timers.Events;

/// <summary>The holder gave the timer scheduler's lease up (its host stopped): any host may take it at once.</summary>
/// <param name="Holder">The host that held it.</param>
/// <param name="At">When, by that host's clock.</param>
[EventType("scheduler.lease-released.v1")]
public sealed record SchedulerLeaseReleased(string Holder, DateTimeOffset At);
