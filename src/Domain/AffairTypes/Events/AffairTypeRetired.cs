using Affairs.Domain.Events;

namespace Affairs.Domain.AffairTypes.Events;

/// <summary>
/// A version may no longer open new cases. Cases already pinned to it keep running and replaying under it.
/// </summary>
/// <param name="Id">The affair type's id.</param>
/// <param name="Version">The version retired.</param>
/// <param name="Reason">Why, for the record.</param>
[EventType("affairtype.retired.v1")]
public sealed record AffairTypeRetired(string Id, int Version, string Reason);
