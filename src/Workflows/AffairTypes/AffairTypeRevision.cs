namespace Affairs.Workflows.AffairTypes;

/// <summary>The answer of a command on an affair type's versions: the version, and the stream's revision after it.</summary>
/// <param name="AffairTypeId">The affair type.</param>
/// <param name="Version">The version published or retired.</param>
/// <param name="ContentHash">SHA-256 of the version's canonical definition.</param>
/// <param name="Revision">The revision of the affair type's stream.</param>
public sealed record AffairTypeRevision(string AffairTypeId, int Version, string ContentHash, long Revision);
