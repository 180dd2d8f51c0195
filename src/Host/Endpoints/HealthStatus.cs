namespace Affairs.Host.Endpoints;

/// <summary>The answer of a health probe: <c>live</c> or <c>ready</c>.</summary>
internal sealed record HealthStatus(string Status);
