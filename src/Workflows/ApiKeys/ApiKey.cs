namespace Affairs.Workflows.ApiKeys;

/// <summary>One API key as folded from the key register: its binding, its current secret's hash, and its history.</summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="Label">What it is for.</param>
/// <param name="StaffId">The member of staff it acts as, or null.</param>
/// <param name="ClientId">The integration client it acts as, or null.</param>
/// <param name="Roles">The roles it grants.</param>
/// <param name="Scopes">The scopes it grants.</param>
/// <param name="SecretHash">SHA-256 of the current key, lower-case hex.</param>
/// <param name="IssuedBy">Who issued it.</param>
/// <param name="IssuedAt">When.</param>
/// <param name="ExpiresAt">When it stops working by itself, or null.</param>
/// <param name="Revision">The register's revision at the key's last event: its version for If-Match.</param>
public sealed record ApiKey(
    string KeyId,
    string Label,
    string? StaffId,
    string? ClientId,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    string SecretHash,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    long Revision)
{
    /// <summary>SHA-256 of the secret before the last rotation, accepted until <see cref="PreviousValidUntil"/>.</summary>
    public string? PreviousSecretHash { get; init; }

    /// <summary>Until when the secret before the last rotation is accepted.</summary>
    public DateTimeOffset? PreviousValidUntil { get; init; }

    /// <summary>When the key was last rotated, or null.</summary>
    public DateTimeOffset? RotatedAt { get; init; }

    /// <summary>Who revoked the key, when and why; null while it is not revoked.</summary>
    public ApiKeyRevocation? Revocation { get; init; }

    /// <summary>Whether the key is revoked.</summary>
    public bool IsRevoked => Revocation is not null;

    /// <summary>Active, expired or revoked at <paramref name="now"/>.</summary>
    public ApiKeyStatus StatusAt(DateTimeOffset now) =>
        IsRevoked ? ApiKeyStatus.Revoked : ExpiresAt is { } expires && now >= expires ? ApiKeyStatus.Expired : ApiKeyStatus.Active;
}
