namespace Affairs.Host.Endpoints;

/// <summary>The answer to publishing an affair type: the new version, its content hash and the catalog revision.</summary>
internal sealed record PublishedAffairType(string Id, int Version, string ContentHash, long Revision);
