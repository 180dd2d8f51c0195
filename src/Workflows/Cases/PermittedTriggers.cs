using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Cases;

/// <summary>What one actor may do on a case now, and why not for everything else.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Revision">The revision the answer is for.</param>
/// <param name="State">The state.</param>
/// <param name="ActingRole">The role the actor would act in.</param>
/// <param name="Refusal">Why the actor may not act on the case at all, if so.</param>
/// <param name="Triggers">Every trigger of the type: permitted with its destination, or refused with reasons.</param>
public sealed record PermittedTriggers(string CaseId, long Revision, string State, ActingRole ActingRole, string? Refusal, IReadOnlyList<TriggerAnswer> Triggers);
