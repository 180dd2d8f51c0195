using Affairs.Domain.Residents;
using Affairs.Workflows.Households;

namespace Affairs.Host.Endpoints;

/// <summary>A resident as recorded (masked unless the caller may see personal data), the stream revision, and the households they belong to.</summary>
internal sealed record ResidentView(Resident Resident, long Revision, IReadOnlyList<ResidentHousehold> Households);
