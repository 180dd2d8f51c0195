using Affairs.Domain.Residents;

namespace Affairs.Host.Endpoints;

/// <summary>A resident as recorded (masked unless the caller may see personal data) and the stream revision.</summary>
internal sealed record ResidentView(Resident Resident, long Revision);
