using Affairs.Domain.Privacy;

namespace Affairs.Host.Endpoints;

/// <summary>Registers a household with its head.</summary>
internal sealed record RegisterHouseholdRequest(string HeadResidentId, [property: PersonalData(PersonalDataKind.Address)] string? Address, string? GridId);
