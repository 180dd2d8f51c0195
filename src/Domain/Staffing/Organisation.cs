using System.Collections.Immutable;
using Affairs.Domain.Staffing.Events;

namespace Affairs.Domain.Staffing;

/// <summary>
/// The centre's organisation as folded from its <c>organisation-…</c> stream: staff, posts with their A and B holders,
/// absences, the supervisor and the grids. Small enough to hold whole; every change is an event.
/// </summary>
/// <param name="Staff">Staff ids.</param>
/// <param name="Posts">Posts by id.</param>
/// <param name="Absences">Absences by id, cancelled ones removed.</param>
/// <param name="SupervisorId">The section head, if appointed.</param>
/// <param name="Grids">Grids by id.</param>
public sealed record Organisation(
    ImmutableHashSet<string> Staff,
    ImmutableDictionary<string, Post> Posts,
    ImmutableDictionary<string, Absence> Absences,
    string? SupervisorId,
    ImmutableDictionary<string, Grid> Grids)
{
    /// <summary>An organisation with nothing in it.</summary>
    public static Organisation Empty { get; } = new(
        ImmutableHashSet.Create<string>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, Post>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, Absence>(StringComparer.Ordinal),
        null,
        ImmutableDictionary.Create<string, Grid>(StringComparer.Ordinal));

    /// <summary>Whether <paramref name="staffId"/> is away at <paramref name="at"/>.</summary>
    public bool IsAbsent(string staffId, DateTimeOffset at) => Absences.Values.Any(a => a.StaffId == staffId && a.Covers(at));

    /// <summary>The state after <paramref name="event"/>.</summary>
    public Organisation Apply(object @event) => @event switch
    {
        StaffRegistered e => this with { Staff = Staff.Add(e.StaffId) },
        PostDefined e => this with
        {
            Posts = Posts.SetItem(e.PostId, Posts.TryGetValue(e.PostId, out var p)
                ? p with { Name = e.Name, AffairTypes = e.AffairTypes, TakeoverDelayWorkingDays = e.TakeoverDelayWorkingDays }
                : new Post(e.PostId, e.Name, e.AffairTypes, e.TakeoverDelayWorkingDays, null, null)),
        },
        PostHoldersAssigned e when Posts.TryGetValue(e.PostId, out var p) => this with { Posts = Posts.SetItem(e.PostId, p with { AHolderId = e.AHolderId, BHolderId = e.BHolderId }) },
        AbsenceRegistered e => this with { Absences = Absences.SetItem(e.AbsenceId, new Absence(e.AbsenceId, e.StaffId, e.From, e.To, e.Kind)) },
        AbsenceCancelled e => this with { Absences = Absences.Remove(e.AbsenceId) },
        SupervisorAppointed e => this with { SupervisorId = e.StaffId },
        GridDefined e => this with { Grids = Grids.SetItem(e.GridId, new Grid(e.GridId, e.Name, e.WorkerId, e.BackupWorkerId)) },
        _ => this,
    };
}
