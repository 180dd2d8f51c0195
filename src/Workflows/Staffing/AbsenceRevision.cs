namespace Affairs.Workflows.Staffing;

/// <summary>The answer of an organisation command about one absence: which, and the organisation's revision after it.</summary>
/// <param name="AbsenceId">The absence's id.</param>
/// <param name="StaffId">Who is away.</param>
/// <param name="Revision">The organisation stream's revision after it.</param>
/// <param name="Warnings">Things the supervisor should look at.</param>
public sealed record AbsenceRevision(string AbsenceId, string StaffId, long Revision, IReadOnlyList<string> Warnings);
