namespace Affairs.Workflows.ApiKeys;

/// <summary>The answer of a key command: the key and its revision after it (never its secret, nor its hash).</summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="Revision">The key register's revision at the key's last event.</param>
public sealed record ApiKeyRevision(string KeyId, long Revision);
