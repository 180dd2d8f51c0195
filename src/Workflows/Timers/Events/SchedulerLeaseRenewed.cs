using Affairs.Domain.Events;

namespace Affairs.Workflows.Timers.Events;

/// <summary>The holder of the timer scheduler's lease is still alive and keeps it.</summary>
/// <param name="Holder">The host that holds it.</param>
/// <param name="At">When, by that host's clock.</param>
/// <param name="ExpiresAt">Until when it holds it without renewing again, by that host's clock.</param>
[EventType("scheduler.lease-renewed.v1")]
public sealed record SchedulerLeaseRenewed(string Holder, DateTimeOffset At, DateTimeOffset ExpiresAt);
