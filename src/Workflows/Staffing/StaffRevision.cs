namespace Affairs.Workflows.Staffing;

/// <summary>The answer of an organisation command about one member of staff: which, and the organisation's revision after it.</summary>
/// <param name="StaffId">The member of staff's id.</param>
/// <param name="Revision">The organisation stream's revision after it.</param>
/// <param name="Warnings">Things the supervisor should look at.</param>
public sealed record StaffRevision(string StaffId, long Revision, IReadOnlyList<string> Warnings);
