using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Audit;

/// <summary>One act in a case's history, as an auditor reads it.</summary>
/// <param name="Revision">Its place in the case's stream.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What kind of act (opened, transitioned, data-amended, material-attached, note-added, escalated, reassigned, clock-started, clock-extended, clock-stopped).</param>
/// <param name="ActorId">Who did it (or <c>system</c>).</param>
/// <param name="ActingRole">In which role: A, B, supervisor, system or applicant.</param>
/// <param name="ActingReason">Why B or the supervisor acted rather than A.</param>
/// <param name="Trigger">The trigger fired, for transitions.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">The reason given.</param>
/// <param name="Fields">The data fields it set (names only).</param>
/// <param name="DefinitionVersion">The affair-type version in force for the case.</param>
/// <param name="CorrelationId">The request it came from.</param>
/// <param name="Summary">The act in one sentence.</param>
public sealed record TimelineEntry(
    long Revision,
    DateTimeOffset At,
    string Kind,
    string ActorId,
    ActingRole? ActingRole,
    TakeoverReason? ActingReason,
    string? Trigger,
    string? From,
    string? To,
    string? Reason,
    IReadOnlyList<string> Fields,
    int DefinitionVersion,
    string CorrelationId,
    string Summary);
