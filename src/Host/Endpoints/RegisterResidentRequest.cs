using Affairs.Domain.Privacy;
using Affairs.Domain.Residents;

namespace Affairs.Host.Endpoints;

/// <summary>Registers a resident; gender and birth date, if given, must agree with the identity number.</summary>
internal sealed record RegisterResidentRequest(
    [property: PersonalData(PersonalDataKind.IdentityNumber)] string IdentityNumber,
    [property: PersonalData(PersonalDataKind.Name)] string Name,
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    string? GridId,
    Gender? Gender,
    DateOnly? BirthDate);
