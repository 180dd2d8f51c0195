namespace Affairs.Workflows.Publishing;

/// <summary>One version as its stream records it.</summary>
/// <param name="ContentHash">What was published under the version number, as a hash of its content.</param>
/// <param name="RetiredReason">Why it was retired; null while it is in use.</param>
public sealed record PublishedVersion(string ContentHash, string? RetiredReason);
