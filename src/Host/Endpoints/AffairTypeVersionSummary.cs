namespace Affairs.Host.Endpoints;

/// <summary>One published version of an affair type: whether it is retired (and why) and its content hash.</summary>
internal sealed record AffairTypeVersionSummary(int Version, bool Retired, string? RetiredReason, string ContentHash);
