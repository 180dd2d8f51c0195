namespace Affairs.Host.Endpoints;

/// <summary>Why a key is revoked.</summary>
internal sealed record RevokeKeyRequest(string? Reason);
