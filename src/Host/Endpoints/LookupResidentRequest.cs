using Affairs.Domain.Privacy;

namespace Affairs.Host.Endpoints;

/// <summary>Finds a resident's id from an identity number.</summary>
internal sealed record LookupResidentRequest([property: PersonalData(PersonalDataKind.IdentityNumber)] string? IdentityNumber);
