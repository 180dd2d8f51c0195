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

/// <summary>New contact details.</summary>
internal sealed record ChangeContactRequest(
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address);

/// <summary>The grid a resident lives in.</summary>
internal sealed record AssignGridRequest(string GridId);

/// <summary>A death, with its source (civil affairs, police, family).</summary>
internal sealed record RecordDeathRequest(DateOnly DateOfDeath, string Source);

/// <summary>The day a resident moved out.</summary>
internal sealed record RecordMoveOutRequest(DateOnly On);

/// <summary>Finds a resident's id from an identity number.</summary>
internal sealed record LookupResidentRequest([property: PersonalData(PersonalDataKind.IdentityNumber)] string IdentityNumber);

/// <summary>Registers a household with its head.</summary>
internal sealed record RegisterHouseholdRequest(string HeadResidentId, [property: PersonalData(PersonalDataKind.Address)] string? Address, string? GridId);

/// <summary>Adds a member with the relation to the head.</summary>
internal sealed record AddMemberRequest(string ResidentId, string Relation);

/// <summary>Names the new head.</summary>
internal sealed record ChangeHeadRequest(string HeadResidentId);
