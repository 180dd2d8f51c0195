namespace Affairs.Host.Endpoints;

/// <summary>How long the old secret keeps working after a rotation: 0 (the default) to 10080 minutes.</summary>
internal sealed record RotateKeyRequest(int? GraceMinutes);
