namespace Affairs.Workflows.Cases;

/// <summary>The answer of a case command.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Revision">The case stream's revision after the command (the ETag clients send back).</param>
/// <param name="State">The case's state after the command.</param>
/// <param name="Outcome">The outcome, once closed.</param>
public sealed record CaseRevision(string CaseId, long Revision, string State, string? Outcome);
