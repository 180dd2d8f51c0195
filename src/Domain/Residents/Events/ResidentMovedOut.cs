using Affairs.Domain.Events;

namespace Affairs.Domain.Residents.Events;

/// <summary>A resident moved out of the sub-district. The record stays; it is never deleted.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="On">The day of the move.</param>
/// <param name="RecordedAt">When it was recorded.</param>
[EventType("resident.moved-out.v1")]
public sealed record ResidentMovedOut(string ResidentId, DateOnly On, DateTimeOffset RecordedAt);
