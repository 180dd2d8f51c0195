using System.Text.Json;
using Affairs.Domain.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases.Events;

/// <summary>Case data was corrected outside a transition, with a reason.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Changes">The fields set.</param>
/// <param name="Reason">Why.</param>
/// <param name="ActorId">Who.</param>
/// <param name="ActingRole">In which role.</param>
/// <param name="ActingReason">Why B or the supervisor acted, if they did.</param>
/// <param name="At">When.</param>
[EventType("case.data-amended.v1")]
public sealed record CaseDataAmended(
    string CaseId,
    IReadOnlyDictionary<string, JsonElement> Changes,
    string Reason,
    string ActorId,
    ActingRole ActingRole,
    TakeoverReason? ActingReason,
    DateTimeOffset At);
