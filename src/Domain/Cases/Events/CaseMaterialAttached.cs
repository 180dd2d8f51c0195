using Affairs.Domain.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases.Events;

/// <summary>A document was received for a case. The file itself is stored elsewhere; its hash pins what was received.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="MaterialId">The material it satisfies (from the definition), e.g. <c>income-proof</c>.</param>
/// <param name="FileName">The file's name.</param>
/// <param name="MediaType">The file's media type.</param>
/// <param name="SizeBytes">The file's size.</param>
/// <param name="ContentHash">SHA-256 of the file, lower-case hex.</param>
/// <param name="ActorId">Who received it.</param>
/// <param name="ActingRole">In which role.</param>
/// <param name="At">When.</param>
[EventType("case.material-attached.v1")]
public sealed record CaseMaterialAttached(
    string CaseId,
    string MaterialId,
    string FileName,
    string MediaType,
    long SizeBytes,
    string ContentHash,
    string ActorId,
    ActingRole ActingRole,
    DateTimeOffset At);
