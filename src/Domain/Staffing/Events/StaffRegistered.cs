using Affairs.Domain.Events;
using Affairs.Domain.Privacy;

namespace Affairs.Domain.Staffing.Events;

/// <summary>A member of staff joined the centre. Their name is personal data; their id is what every record shows.</summary>
[EventType("organisation.staff-registered.v1")]
public sealed record StaffRegistered(string StaffId, [property: PersonalData(PersonalDataKind.Name)] string Name, DateTimeOffset At);
