using Affairs.Domain.Events;
using Affairs.Domain.Privacy;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases.Events;

/// <summary>A free-text note on a case. It may name people, so it is masked for those who do not need it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Text">The note.</param>
/// <param name="ActorId">Who wrote it.</param>
/// <param name="ActingRole">In which role.</param>
/// <param name="At">When.</param>
[EventType("case.note-added.v1")]
public sealed record CaseNoteAdded(string CaseId, [property: PersonalData(PersonalDataKind.FreeText)] string Text, string ActorId, ActingRole ActingRole, DateTimeOffset At);
