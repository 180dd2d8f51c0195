namespace Affairs.Host.Security;

/// <summary>Whom a new key acts as: a member of staff, or an integration client with roles and scopes.</summary>
/// <param name="StaffId">The member of staff; their roles come from the organisation.</param>
/// <param name="ClientId">The integration client.</param>
/// <param name="Roles">A client key's roles: auditor, administrator or integration.</param>
/// <param name="Scopes">A client key's scopes (<see cref="Security.Scopes"/>).</param>
internal sealed record ApiKeyBinding(string? StaffId, string? ClientId, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Scopes)
{
    public static ApiKeyBinding Staff(string staffId) => new(staffId, null, null, null);

    public static ApiKeyBinding Client(string clientId, IReadOnlyList<string> roles, IReadOnlyList<string>? scopes = null) => new(null, clientId, roles, scopes);
}
