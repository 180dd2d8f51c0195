using System.Text.Json;
using Affairs.Domain.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases.Events;

/// <summary>
/// A trigger was fired: the case moved from one state to another (or stayed, for an internal transition such as a
/// home-visit record). Carries everything an auditor needs: who, in which role, why B or the supervisor acted, the
/// actor's reason, the data set, when, and under which definition version.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Trigger">The trigger fired.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after (equal to <paramref name="From"/> for an internal transition).</param>
/// <param name="Internal">Whether it stayed in the state (the step did not end).</param>
/// <param name="ActorId">Who fired it.</param>
/// <param name="ActingRole">A, B, supervisor, system or applicant.</param>
/// <param name="Handler">Who handled the step it acted on (post, grid or supervisor).</param>
/// <param name="ActingReason">Why B or the supervisor acted rather than A; null when A acted.</param>
/// <param name="Reason">The actor's reason, where given (always for a rejection).</param>
/// <param name="DataChanges">The data fields set with it, and those the transition clears (as null).</param>
/// <param name="NextHandler">Who handles the destination state; null for a terminal state.</param>
/// <param name="Outcome">The outcome when the destination is terminal (approved, rejected…).</param>
/// <param name="DecisionTime">The moment the decision was taken; guards saw this time.</param>
/// <param name="DefinitionVersion">The affair-type version it was decided under.</param>
[EventType("case.transitioned.v1")]
public sealed record CaseTransitioned(
    string CaseId,
    string Trigger,
    string From,
    string To,
    bool Internal,
    string ActorId,
    ActingRole ActingRole,
    string Handler,
    TakeoverReason? ActingReason,
    string? Reason,
    IReadOnlyDictionary<string, JsonElement> DataChanges,
    string? NextHandler,
    string? Outcome,
    DateTimeOffset DecisionTime,
    int DefinitionVersion);
