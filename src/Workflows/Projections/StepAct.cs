using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Projections;

/// <summary>Something a member of staff recorded on a case's current step.</summary>
/// <param name="ActorId">Who.</param>
/// <param name="Role">As A, B or supervisor.</param>
/// <param name="At">When.</param>
public sealed record StepAct(string ActorId, ActingRole Role, DateTimeOffset At);
