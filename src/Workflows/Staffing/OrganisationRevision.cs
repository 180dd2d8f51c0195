namespace Affairs.Workflows.Staffing;

/// <summary>The answer of an organisation command.</summary>
/// <param name="Revision">The organisation stream's revision after it.</param>
/// <param name="Warnings">Things the supervisor should look at (for example A and B of one post away together).</param>
public sealed record OrganisationRevision(long Revision, IReadOnlyList<string> Warnings);
