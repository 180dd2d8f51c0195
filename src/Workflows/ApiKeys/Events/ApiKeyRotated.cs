using Affairs.Domain.Events;

namespace Affairs.Workflows.ApiKeys.Events;

/// <summary>
/// An API key got a new secret; the key keeps its id and binding. The previous secret keeps working until
/// <paramref name="PreviousValidUntil"/> (the rotation time when there is no grace period), so clients can switch over.
/// </summary>
/// <param name="KeyId">The key.</param>
/// <param name="SecretHash">SHA-256 of the new key, lower-case hex.</param>
/// <param name="PreviousValidUntil">Until when the previous secret is still accepted.</param>
/// <param name="RotatedBy">Who rotated it.</param>
/// <param name="RotatedAt">When.</param>
[EventType("apikey.rotated.v1")]
public sealed record ApiKeyRotated(string KeyId, string SecretHash, DateTimeOffset PreviousValidUntil, string RotatedBy, DateTimeOffset RotatedAt);
