using Affairs.Domain.Events;
using Affairs.Domain.Privacy;

namespace Affairs.Domain.Residents.Events;

/// <summary>A resident was recorded for the first time. Gender and birth date are the ones the identity number encodes.</summary>
/// <param name="ResidentId">The pseudonymous id derived from the identity number.</param>
/// <param name="IdentityNumber">The full identity number.</param>
/// <param name="Name">The resident's name.</param>
/// <param name="Gender">From the identity number.</param>
/// <param name="BirthDate">From the identity number.</param>
/// <param name="Phone">A contact phone, if given.</param>
/// <param name="Address">The residential address, if given.</param>
/// <param name="GridId">The grid the resident lives in, if known.</param>
/// <param name="RegisteredAt">When it was recorded.</param>
[EventType("resident.registered.v1")]
public sealed record ResidentRegistered(
    string ResidentId,
    [property: PersonalData(PersonalDataKind.IdentityNumber)] string IdentityNumber,
    [property: PersonalData(PersonalDataKind.Name)] string Name,
    [property: PersonalData(PersonalDataKind.Gender)] Gender Gender,
    [property: PersonalData(PersonalDataKind.BirthDate)] DateOnly BirthDate,
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    string? GridId,
    DateTimeOffset RegisteredAt);
