using Affairs.Domain.Events;

namespace Affairs.Workflows.ApiKeys.Events;

/// <summary>An API key was revoked: from now on it is refused. A revoked key cannot be rotated or revoked again.</summary>
/// <param name="KeyId">The key.</param>
/// <param name="Reason">Why, as the administrator put it.</param>
/// <param name="RevokedBy">Who revoked it.</param>
/// <param name="RevokedAt">When.</param>
[EventType("apikey.revoked.v1")]
public sealed record ApiKeyRevoked(string KeyId, string Reason, string RevokedBy, DateTimeOffset RevokedAt);
