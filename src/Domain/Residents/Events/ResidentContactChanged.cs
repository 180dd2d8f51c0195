using Affairs.Domain.Events;
using Affairs.Domain.Privacy;

namespace Affairs.Domain.Residents.Events;

/// <summary>A resident's phone or address changed; a null field is unchanged.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="Phone">The new phone, or null.</param>
/// <param name="Address">The new address, or null.</param>
/// <param name="ChangedAt">When it was recorded.</param>
[EventType("resident.contact-changed.v1")]
public sealed record ResidentContactChanged(
    string ResidentId,
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    DateTimeOffset ChangedAt);
