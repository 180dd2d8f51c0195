using System.Text.Json;
using Affairs.Domain.Events;

namespace Affairs.Domain.AffairTypes.Events;

/// <summary>
/// One version of an affair type was published, in stream <c>affairtype-{id}</c>. The definition is carried whole,
/// so an auditor reads exactly the rules a case pinned to this version ran under.
/// </summary>
/// <param name="Id">The affair type's id.</param>
/// <param name="Version">The version published; it never changes afterwards.</param>
/// <param name="Definition">The definition, in its canonical JSON form.</param>
/// <param name="ContentHash">SHA-256 of the canonical JSON, lower-case hex; a republish with the same hash is a no-op.</param>
[EventType("affairtype.published.v1")]
public sealed record AffairTypePublished(string Id, int Version, JsonElement Definition, string ContentHash);
