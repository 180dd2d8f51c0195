namespace Affairs.Host.Security;

/// <summary>
/// A deployment key: never the key itself, only its SHA-256 in hex. Configured under <c>Affairs:ApiKeys</c>, or left
/// in <c>data/api-keys.json</c> by an earlier version (read, no longer written). Keys issued through the API are events.
/// </summary>
internal sealed class ApiKeyEntry
{
    /// <summary>The client or key name; the actor id unless <see cref="StaffId"/> is set.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>SHA-256 of the key, lower-case hex.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>caseworker, supervisor, auditor, administrator or integration.</summary>
    public IList<string> Roles { get; set; } = [];

    /// <summary>The staff member a caseworker or supervisor key acts as.</summary>
    public string? StaffId { get; set; }

    /// <summary>What an integration client may do (<see cref="Scopes"/>).</summary>
    public IList<string> Scopes { get; set; } = [];
}
