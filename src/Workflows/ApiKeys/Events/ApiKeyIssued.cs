using Affairs.Domain.Events;

namespace Affairs.Workflows.ApiKeys.Events;

/// <summary>
/// An API key was issued. It carries the SHA-256 of the key, never the key: the key is shown once to whoever asked for
/// it and exists nowhere else. A key is bound either to a member of staff (its roles are what that member is when it is
/// issued) or to an integration client with explicit roles and scopes.
/// </summary>
/// <param name="KeyId">The key's id, which the key itself names (<c>afk_{KeyId}_…</c>).</param>
/// <param name="Label">What the key is for, as the administrator put it.</param>
/// <param name="StaffId">The member of staff the key acts as, or null for a client key.</param>
/// <param name="ClientId">The integration client the key acts as, or null for a staff key.</param>
/// <param name="Roles">The roles the key grants.</param>
/// <param name="Scopes">What an integration client may do.</param>
/// <param name="SecretHash">SHA-256 of the whole key, lower-case hex.</param>
/// <param name="IssuedBy">Who issued it.</param>
/// <param name="IssuedAt">When.</param>
/// <param name="ExpiresAt">When it stops working by itself, or null.</param>
[EventType("apikey.issued.v1")]
public sealed record ApiKeyIssued(
    string KeyId,
    string Label,
    string? StaffId,
    string? ClientId,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    string SecretHash,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt);
