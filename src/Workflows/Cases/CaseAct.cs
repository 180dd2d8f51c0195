using Affairs.Domain.Cases;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Cases;

/// <summary>What a command that records something on a case decides with.</summary>
/// <param name="State">The case as read.</param>
/// <param name="Type">Its pinned definition.</param>
/// <param name="Participant">How the actor stands to it.</param>
/// <param name="Now">The decision time.</param>
public sealed record CaseAct(CaseState State, CompiledAffairType Type, CaseParticipant Participant, DateTimeOffset Now);
