using System.Text.Json;
using Affairs.Domain.Events;

namespace Affairs.Domain.Policies.Events;

/// <summary>A version of a policy parameter set was published, in stream <c>policy-{id}</c>.</summary>
/// <param name="Id">The set's jurisdiction id.</param>
/// <param name="Version">The version; it never changes afterwards.</param>
/// <param name="EffectiveFrom">The first day it is in force.</param>
/// <param name="Values">The values by parameter name.</param>
[EventType("policy.published.v1")]
public sealed record PolicyParametersPublished(string Id, int Version, DateOnly EffectiveFrom, IReadOnlyDictionary<string, JsonElement> Values);
