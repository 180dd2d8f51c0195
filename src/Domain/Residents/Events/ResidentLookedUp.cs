using Affairs.Domain.Events;

namespace Affairs.Domain.Residents.Events;

/// <summary>
/// Someone asked which resident an identity number belongs to. The number itself is not recorded: the resident id is
/// its keyed hash; who asked, and when, are in the event's metadata.
/// </summary>
/// <param name="ResidentId">The id the number maps to, whether or not such a resident is recorded.</param>
/// <param name="Found">Whether a resident with that id is recorded.</param>
/// <param name="LookedUpAt">When it was asked.</param>
[EventType("resident.looked-up.v1")]
public sealed record ResidentLookedUp(string ResidentId, bool Found, DateTimeOffset LookedUpAt);
