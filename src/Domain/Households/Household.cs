using Affairs.Domain.Privacy;

namespace Affairs.Domain.Households;

/// <summary>A household as folded from the <c>household-…</c> stream.</summary>
/// <param name="Id">The household id.</param>
/// <param name="HeadResidentId">The head.</param>
/// <param name="Members">Every current member, the head included.</param>
/// <param name="Address">The address.</param>
/// <param name="GridId">The grid.</param>
public sealed record Household(
    string Id,
    string HeadResidentId,
    IReadOnlyList<HouseholdMember> Members,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    string? GridId)
{
    /// <summary>The state of a household stream with no events.</summary>
    public static Household None { get; } = new(string.Empty, string.Empty, [], null, null);

    /// <summary>Whether the household has been registered.</summary>
    public bool Exists => Id.Length > 0;

    /// <summary>Whether <paramref name="residentId"/> is a current member.</summary>
    public bool HasMember(string residentId) => Members.Any(m => m.ResidentId == residentId);
}
