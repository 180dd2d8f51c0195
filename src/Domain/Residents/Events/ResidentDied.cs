using Affairs.Domain.Events;

namespace Affairs.Domain.Residents.Events;

/// <summary>
/// A resident's death was recorded. It starts the termination path of the resident's open certification cases;
/// the record itself stays, marked deceased.
/// </summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="DateOfDeath">The day of death.</param>
/// <param name="Source">Who reported it (family, hospital, civil-affairs data comparison…).</param>
/// <param name="RecordedAt">When it was recorded.</param>
[EventType("resident.died.v1")]
public sealed record ResidentDied(string ResidentId, DateOnly DateOfDeath, string Source, DateTimeOffset RecordedAt);
