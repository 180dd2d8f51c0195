using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Cases;

/// <summary>The answer of <see cref="RecordEscalation"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Recorded">Whether a takeover was recorded now (false when there is none, or it was already recorded).</param>
/// <param name="Revision">The case stream's revision after the command.</param>
/// <param name="Reason">The takeover's reason, if there is one now.</param>
/// <param name="ToStaffId">Who holds the step now.</param>
public sealed record EscalationResult(string CaseId, bool Recorded, long Revision, TakeoverReason? Reason, string? ToStaffId);
