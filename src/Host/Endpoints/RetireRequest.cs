namespace Affairs.Host.Endpoints;

/// <summary>Why a version (of an affair type) stops opening new cases.</summary>
internal sealed record RetireRequest(string? Reason);
