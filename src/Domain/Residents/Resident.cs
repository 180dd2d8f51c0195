using Affairs.Domain.Privacy;

namespace Affairs.Domain.Residents;

/// <summary>A resident's record as folded from the <c>resident-…</c> stream.</summary>
/// <param name="Id">The pseudonymous resident id.</param>
/// <param name="IdentityNumber">The full identity number.</param>
/// <param name="Name">The name.</param>
/// <param name="Gender">From the identity number.</param>
/// <param name="BirthDate">From the identity number.</param>
/// <param name="Phone">The contact phone.</param>
/// <param name="Address">The address.</param>
/// <param name="GridId">The grid.</param>
/// <param name="Status">Active, moved out or deceased.</param>
/// <param name="StatusSince">The day the status took effect, for moved out and deceased.</param>
public sealed record Resident(
    string Id,
    [property: PersonalData(PersonalDataKind.IdentityNumber)] string IdentityNumber,
    [property: PersonalData(PersonalDataKind.Name)] string Name,
    [property: PersonalData(PersonalDataKind.Gender)] Gender Gender,
    [property: PersonalData(PersonalDataKind.BirthDate)] DateOnly BirthDate,
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    string? GridId,
    ResidentStatus Status,
    DateOnly? StatusSince)
{
    /// <summary>The state of a resident stream with no events.</summary>
    public static Resident None { get; } = new(string.Empty, string.Empty, string.Empty, Gender.Male, default, null, null, null, ResidentStatus.Unknown, null);
}
