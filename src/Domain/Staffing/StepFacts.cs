namespace Affairs.Domain.Staffing;

/// <summary>What the responsibility rules need to know about the current step of a case.</summary>
/// <param name="StartedAt">When the case entered the step.</param>
/// <param name="AActedAt">When A last acted on this step, if A did.</param>
/// <param name="CoveringBId">The B holder who acted on this step while covering, if any: B keeps it until the step ends.</param>
/// <param name="ReassignedTo">The staff member the supervisor reassigned this step to, if any.</param>
public sealed record StepFacts(DateTimeOffset StartedAt, DateTimeOffset? AActedAt = null, string? CoveringBId = null, string? ReassignedTo = null);
