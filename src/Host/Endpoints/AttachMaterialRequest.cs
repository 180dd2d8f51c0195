namespace Affairs.Host.Endpoints;

/// <summary>Records a received document by its metadata and SHA-256.</summary>
internal sealed record AttachMaterialRequest(string MaterialId, string FileName, string MediaType, long SizeBytes, string ContentHash);
