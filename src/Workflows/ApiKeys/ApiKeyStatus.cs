namespace Affairs.Workflows.ApiKeys;

/// <summary>Whether a key is accepted.</summary>
public enum ApiKeyStatus
{
    /// <summary>Accepted.</summary>
    Active,

    /// <summary>Past its expiry: refused.</summary>
    Expired,

    /// <summary>Revoked: refused.</summary>
    Revoked,
}
