using Affairs.Domain.Events;

namespace Affairs.Domain.Staffing.Events;

/// <summary>A post (岗位) was defined or redefined: the affair types it serves and how many working days A has before B takes over a waiting step.</summary>
[EventType("organisation.post-defined.v1")]
public sealed record PostDefined(string PostId, string Name, IReadOnlyList<string> AffairTypes, int TakeoverDelayWorkingDays, DateTimeOffset At);
