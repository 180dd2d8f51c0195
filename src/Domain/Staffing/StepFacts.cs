namespace Affairs.Domain.Staffing;

/// <summary>What the responsibility rules need to know about the current step of a case.</summary>
/// <param name="StartedAt">When the case entered the step.</param>
/// <param name="AActedAt">When A last acted on this step, if A did.</param>
/// <param name="CoveringBId">The B holder who acted on this step while covering, if any: B keeps it until the step ends.</param>
/// <param name="ReassignedTo">The staff member the supervisor reassigned this step to, if any.</param>
/// <param name="AwaitsTimer">
/// Whether the step is a waiting period that a timer ends (the 7-day public notice): A is not expected to act in it,
/// so the takeover delay does not run; absence still hands it to B.
/// </param>
public sealed record StepFacts(DateTimeOffset StartedAt, DateTimeOffset? AActedAt = null, string? CoveringBId = null, string? ReassignedTo = null, bool AwaitsTimer = false);
