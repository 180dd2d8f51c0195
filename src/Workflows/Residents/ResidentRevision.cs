namespace Affairs.Workflows.Residents;

/// <summary>The answer of a resident command: the resident and the stream revision after it.</summary>
/// <param name="ResidentId">The resident's id.</param>
/// <param name="Revision">The revision of the resident's stream.</param>
public sealed record ResidentRevision(string ResidentId, long Revision);
