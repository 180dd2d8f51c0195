namespace Affairs.Host.Endpoints;

/// <summary>A definition that passed validation: its id and version (a failing one is a 400 listing its problems).</summary>
internal sealed record DefinitionCheck(bool Valid, string Id, int Version);
