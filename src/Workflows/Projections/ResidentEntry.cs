using Affairs.Domain.Privacy;
using Affairs.Domain.Residents;

namespace Affairs.Workflows.Projections;

/// <summary>
/// One resident in the <see cref="ResidentIndex"/>: what finding them by name needs, and nothing more (no identity
/// number, contact or birth date). Immutable: an event makes a new entry.
/// </summary>
/// <param name="ResidentId">The pseudonymous resident id.</param>
/// <param name="Name">The name as registered.</param>
/// <param name="Status">Active, moved out or deceased.</param>
/// <param name="RegisteredPosition">The global log position of the registration: the order in which residents are listed.</param>
public sealed record ResidentEntry(
    string ResidentId,
    [property: PersonalData(PersonalDataKind.Name)] string Name,
    ResidentStatus Status,
    long RegisteredPosition);
