using Affairs.Domain.Events;
using Affairs.Domain.Privacy;

namespace Affairs.Domain.Households.Events;

/// <summary>A household was recorded with its head, who is its first member.</summary>
/// <param name="HouseholdId">The household id.</param>
/// <param name="HeadResidentId">The head of the household.</param>
/// <param name="Address">The household's address.</param>
/// <param name="GridId">The grid it lives in.</param>
/// <param name="RegisteredAt">When it was recorded.</param>
[EventType("household.registered.v1")]
public sealed record HouseholdRegistered(
    string HouseholdId,
    string HeadResidentId,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    string? GridId,
    DateTimeOffset RegisteredAt);
