using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Staffing;

/// <summary>Where one member of staff stands in the organisation: the posts and grids they hold and their absences.</summary>
/// <param name="StaffId">The staff id.</param>
/// <param name="IsSupervisor">Whether they are the section head.</param>
/// <param name="PostsAsA">The posts they hold as A.</param>
/// <param name="PostsAsB">The posts they hold as B.</param>
/// <param name="Grids">The grids they work, as worker or backup.</param>
/// <param name="Absences">Their absences, oldest first.</param>
public sealed record StaffMember(
    string StaffId,
    bool IsSupervisor,
    IReadOnlyList<string> PostsAsA,
    IReadOnlyList<string> PostsAsB,
    IReadOnlyList<string> Grids,
    IReadOnlyList<Absence> Absences)
{
    /// <summary>The member of staff as <paramref name="organisation"/> has them, or null when not registered.</summary>
    public static StaffMember? Of(Organisation organisation, string staffId)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.Staff.Contains(staffId)
            ? new StaffMember(
                staffId,
                organisation.SupervisorId == staffId,
                [.. organisation.Posts.Values.Where(p => p.AHolderId == staffId).Select(p => p.Id).Order(StringComparer.Ordinal)],
                [.. organisation.Posts.Values.Where(p => p.BHolderId == staffId).Select(p => p.Id).Order(StringComparer.Ordinal)],
                [.. organisation.Grids.Values.Where(g => g.WorkerId == staffId || g.BackupWorkerId == staffId).Select(g => g.Id).Order(StringComparer.Ordinal)],
                [.. organisation.Absences.Values.Where(a => a.StaffId == staffId).OrderBy(a => a.From)])
            : null;
    }
}
