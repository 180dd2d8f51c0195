namespace Affairs.Workflows.ApiKeys;

/// <summary>Who revoked a key, when and why.</summary>
/// <param name="Reason">Why.</param>
/// <param name="RevokedBy">Who.</param>
/// <param name="RevokedAt">When.</param>
public sealed record ApiKeyRevocation(string Reason, string RevokedBy, DateTimeOffset RevokedAt);
