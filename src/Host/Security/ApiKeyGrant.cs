namespace Affairs.Host.Security;

/// <summary>What an accepted key grants: who the caller is, their roles and scopes.</summary>
/// <param name="Subject">The actor id: the staff id, or the client id.</param>
/// <param name="Roles">The roles.</param>
/// <param name="Scopes">The scopes.</param>
internal sealed record ApiKeyGrant(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);
