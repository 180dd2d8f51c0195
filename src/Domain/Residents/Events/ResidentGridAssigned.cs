using Affairs.Domain.Events;

namespace Affairs.Domain.Residents.Events;

/// <summary>A resident was placed in a grid, whose grid worker does the resident's home visits.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="GridId">The grid.</param>
/// <param name="AssignedAt">When it was recorded.</param>
[EventType("resident.grid-assigned.v1")]
public sealed record ResidentGridAssigned(string ResidentId, string GridId, DateTimeOffset AssignedAt);
