namespace Affairs.Workflows.ApiKeys;

/// <summary>A key as an administrator sees it: its binding, status and history, never its secret nor the secret's hash.</summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="Label">What it is for.</param>
/// <param name="StaffId">The member of staff it acts as, or null.</param>
/// <param name="ClientId">The integration client it acts as, or null.</param>
/// <param name="Roles">The roles it grants.</param>
/// <param name="Scopes">The scopes it grants.</param>
/// <param name="Status">Active, expired or revoked now.</param>
/// <param name="IssuedBy">Who issued it.</param>
/// <param name="IssuedAt">When.</param>
/// <param name="ExpiresAt">When it stops working by itself, or null.</param>
/// <param name="RotatedAt">When it last got a new secret, or null.</param>
/// <param name="PreviousSecretValidUntil">Until when the secret before the last rotation is accepted, or null.</param>
/// <param name="Revocation">Who revoked it, when and why, or null.</param>
/// <param name="Revision">The key's revision, for If-Match.</param>
public sealed record ApiKeyView(
    string KeyId,
    string Label,
    string? StaffId,
    string? ClientId,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    ApiKeyStatus Status,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RotatedAt,
    DateTimeOffset? PreviousSecretValidUntil,
    ApiKeyRevocation? Revocation,
    long Revision)
{
    /// <summary>The view of <paramref name="key"/> at <paramref name="now"/>.</summary>
    public static ApiKeyView Of(ApiKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.KeyId, key.Label, key.StaffId, key.ClientId, key.Roles, key.Scopes, key.StatusAt(now), key.IssuedBy, key.IssuedAt, key.ExpiresAt,
            key.RotatedAt, key.PreviousValidUntil > now ? key.PreviousValidUntil : null, key.Revocation, key.Revision);
    }
}
