namespace Affairs.Host.Endpoints;

/// <summary>Appoints the section head.</summary>
internal sealed record AppointSupervisorRequest(string StaffId);
