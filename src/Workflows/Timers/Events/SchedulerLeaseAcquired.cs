using Affairs.Domain.Events;

namespace Affairs.Workflows.Timers.Events;

/// <summary>A host took the timer scheduler's lease (stream <c>scheduler-lease</c>): it fires the timers from now on.</summary>
/// <param name="Holder">The host that took it.</param>
/// <param name="At">When, by that host's clock.</param>
/// <param name="ExpiresAt">Until when it holds it without renewing, by that host's clock.</param>
[EventType("scheduler.lease-acquired.v1")]
public sealed record SchedulerLeaseAcquired(string Holder, DateTimeOffset At, DateTimeOffset ExpiresAt);
