namespace Affairs.Workflows.Staffing;

/// <summary>The answer of an organisation command about one grid: which, and the organisation's revision after it.</summary>
/// <param name="GridId">The grid's id.</param>
/// <param name="Revision">The organisation stream's revision after it.</param>
/// <param name="Warnings">Things the supervisor should look at.</param>
public sealed record GridRevision(string GridId, long Revision, IReadOnlyList<string> Warnings);
