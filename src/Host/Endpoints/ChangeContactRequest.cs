using Affairs.Domain.Privacy;

namespace Affairs.Host.Endpoints;

/// <summary>New contact details.</summary>
internal sealed record ChangeContactRequest(
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address);
