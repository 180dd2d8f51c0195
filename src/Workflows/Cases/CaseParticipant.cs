using Affairs.Domain.AffairTypes;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Cases;

/// <summary>How an actor stands to one case right now: the roles the definition checks, and how the act is recorded.</summary>
/// <param name="CaseActor">The actor with its case roles, as guards and transitions see it.</param>
/// <param name="ActingRole">How the act is recorded: A, B, supervisor, system or applicant.</param>
/// <param name="ActingReason">Why B or the supervisor acts rather than A; null when A acts.</param>
/// <param name="Responsibility">Who is responsible for the step now.</param>
/// <param name="Refusal">Why the actor may not act on the step, when that is so.</param>
public sealed record CaseParticipant(CaseActor CaseActor, ActingRole ActingRole, TakeoverReason? ActingReason, Responsibility? Responsibility, string? Refusal);
