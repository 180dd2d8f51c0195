using Affairs.Domain.Privacy;

namespace Affairs.Host.Endpoints;

/// <summary>A new member of staff.</summary>
internal sealed record RegisterStaffRequest(string StaffId, [property: PersonalData(PersonalDataKind.Name)] string Name);
