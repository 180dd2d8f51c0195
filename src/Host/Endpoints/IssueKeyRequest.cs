namespace Affairs.Host.Endpoints;

/// <summary>A new key, bound to a member of staff (<c>staffId</c>) or to an integration client (<c>clientId</c>, <c>roles</c>, <c>scopes</c>).</summary>
internal sealed record IssueKeyRequest(string? Label, string? StaffId, string? ClientId, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
