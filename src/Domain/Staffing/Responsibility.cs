namespace Affairs.Domain.Staffing;

/// <summary>Who is responsible for a step at a moment, in which role, and why if it is not A.</summary>
/// <param name="StaffId">The responsible person; null only when nobody at all can be found (no supervisor appointed).</param>
/// <param name="Role">A, B or supervisor.</param>
/// <param name="Reason">Why it is not A, or null when it is A.</param>
/// <param name="Alert">Whether the supervisor must be alerted (both away, or nobody assigned).</param>
/// <param name="AHolderId">The A holder of the handler at that moment.</param>
/// <param name="BHolderId">The B holder of the handler at that moment.</param>
public sealed record Responsibility(string? StaffId, ActingRole Role, TakeoverReason? Reason, bool Alert, string? AHolderId, string? BHolderId);
