using Affairs.Domain.Events;

namespace Affairs.Domain.Staffing.Events;

/// <summary>A post's A holder (主办) and B holder (协办) were assigned, or reassigned: always exactly one of each, two different people.</summary>
[EventType("organisation.post-holders-assigned.v1")]
public sealed record PostHoldersAssigned(string PostId, string AHolderId, string BHolderId, string Reason, DateTimeOffset At);
