using Affairs.Domain.Privacy;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Cases;

/// <summary>A note on a case, as the people working it read it.</summary>
/// <param name="Revision">Its place in the case's stream.</param>
/// <param name="At">When it was written.</param>
/// <param name="ActorId">Who wrote it.</param>
/// <param name="ActingRole">In which role.</param>
/// <param name="Text">The note; free text, so personal data.</param>
public sealed record CaseNote(long Revision, DateTimeOffset At, string ActorId, ActingRole ActingRole, [property: PersonalData(PersonalDataKind.FreeText)] string Text);
