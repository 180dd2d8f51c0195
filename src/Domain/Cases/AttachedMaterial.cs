namespace Affairs.Domain.Cases;

/// <summary>A document received for a case.</summary>
/// <param name="MaterialId">The material it satisfies.</param>
/// <param name="FileName">The file's name.</param>
/// <param name="ContentHash">SHA-256 of the file.</param>
/// <param name="At">When it was received.</param>
public sealed record AttachedMaterial(string MaterialId, string FileName, string ContentHash, DateTimeOffset At);
