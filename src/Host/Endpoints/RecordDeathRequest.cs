namespace Affairs.Host.Endpoints;

/// <summary>A death, with its source (civil affairs, police, family).</summary>
internal sealed record RecordDeathRequest(DateOnly DateOfDeath, string Source);
