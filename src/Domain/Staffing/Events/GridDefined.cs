using Affairs.Domain.Events;

namespace Affairs.Domain.Staffing.Events;

/// <summary>A grid (网格) was defined or its workers changed: the grid worker does the home visits of its residents' cases, the backup covers.</summary>
[EventType("organisation.grid-defined.v1")]
public sealed record GridDefined(string GridId, string Name, string WorkerId, string BackupWorkerId, DateTimeOffset At);
