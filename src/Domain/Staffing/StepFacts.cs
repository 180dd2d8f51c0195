using System.Collections.Immutable;

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
public sealed record StepFacts(DateTimeOffset StartedAt, DateTimeOffset? AActedAt = null, string? CoveringBId = null, string? ReassignedTo = null, bool AwaitsTimer = false)
{
    /// <summary>The takeovers recorded in this step, so that the same takeover is recorded once.</summary>
    public ImmutableList<StepTakeover> Takeovers { get; init; } = [];
}

/// <summary>A takeover recorded in a step: why, and who took the step.</summary>
/// <param name="Reason">A away, A late, or both away.</param>
/// <param name="ToStaffId">Who took it.</param>
public sealed record StepTakeover(TakeoverReason Reason, string? ToStaffId);
