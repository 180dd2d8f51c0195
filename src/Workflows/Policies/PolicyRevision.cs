namespace Affairs.Workflows.Policies;

/// <summary>The answer of publishing a policy parameter set: the version, and the stream's revision after it.</summary>
/// <param name="PolicyId">The set.</param>
/// <param name="Version">The version published.</param>
/// <param name="Revision">The revision of the set's stream.</param>
public sealed record PolicyRevision(string PolicyId, int Version, long Revision);
