namespace Affairs.Host.Endpoints;

/// <summary>The supervisor gives the current step to someone, with a reason.</summary>
internal sealed record ReassignRequest(string ToStaffId, string Reason);
