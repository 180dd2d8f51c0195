using Affairs.Domain.Calendar;

namespace Affairs.Domain.Staffing;

/// <summary>
/// The AB-post rules: who is responsible for a case step at a moment. Pure: the same organisation, step and moment
/// always give the same answer, so a queue can be recomputed at any time (an absence registered late counts from its
/// start) and an auditor can ask who was responsible at any past moment.
/// </summary>
/// <remarks>
/// In order: a step the supervisor reassigned goes to that person. A step B acted on while covering stays with B until
/// it ends (unless B is now away). Otherwise it goes to A — unless A is away at that moment, or A has not acted on it
/// within the post's takeover delay (counted in working days from the step's start; not in a waiting period a timer
/// ends, where A has nothing to do): then B. When the one it would go
/// to is away too, or nobody is assigned, the supervisor has it, with an alert. A post never has nobody.
/// </remarks>
public static class ResponsibilityRules
{
    /// <summary>The grid's takeover delay: a grid worker has one working day before the backup takes over.</summary>
    public const int GridTakeoverDelayWorkingDays = 1;

    /// <summary>Who is responsible for a step handled by <paramref name="handler"/> at <paramref name="at"/>.</summary>
    public static Responsibility Resolve(Organisation organisation, StepHandler handler, StepFacts step, DateTimeOffset at, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(calendar);
        var (a, b, delay) = Holders(organisation, handler);
        if (step.ReassignedTo is { } assignee && !organisation.IsAbsent(assignee, at))
        {
            return new Responsibility(assignee, assignee == a ? ActingRole.A : assignee == b ? ActingRole.B : ActingRole.Supervisor, TakeoverReason.Reassigned, false, a, b);
        }

        if (handler.Kind == StepHandlerKind.Supervisor || a is null || b is null)
        {
            var reason = handler.Kind == StepHandlerKind.Supervisor ? (TakeoverReason?)null : TakeoverReason.Unstaffed;
            return new Responsibility(organisation.SupervisorId, ActingRole.Supervisor, reason, reason is not null || organisation.SupervisorId is null, a, b);
        }

        var aAway = organisation.IsAbsent(a, at);
        var bAway = organisation.IsAbsent(b, at);
        if (step.CoveringBId == b && !bAway)
        {
            return new Responsibility(b, ActingRole.B, TakeoverReason.KeptByB, false, a, b);
        }

        var aLate = step.AActedAt is null && !step.AwaitsTimer && at >= calendar.Deadline(step.StartedAt, TimeLimit.WorkingDays(delay));
        if (!aAway && !aLate)
        {
            return new Responsibility(a, ActingRole.A, null, false, a, b);
        }

        if (!bAway)
        {
            return new Responsibility(b, ActingRole.B, aAway ? TakeoverReason.AAbsent : TakeoverReason.ALate, false, a, b);
        }

        return aAway
            ? new Responsibility(organisation.SupervisorId, ActingRole.Supervisor, TakeoverReason.BothAbsent, true, a, b)
            : new Responsibility(a, ActingRole.A, null, false, a, b); // late, but B is away: it stays with A, who is here
    }

    /// <summary>
    /// In which role <paramref name="staffId"/> may act on the step now, or null with the reason when they may not:
    /// the responsible person acts in their role; the supervisor may always act.
    /// </summary>
    public static (ActingRole? Role, string? Refusal) MayAct(string staffId, Responsibility responsibility, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(responsibility);
        ArgumentNullException.ThrowIfNull(organisation);
        if (staffId == responsibility.StaffId)
        {
            return (responsibility.Role, null);
        }

        if (staffId == organisation.SupervisorId)
        {
            return (ActingRole.Supervisor, null);
        }

        var who = responsibility.StaffId is null ? "nobody (no supervisor is appointed)" : $"{responsibility.StaffId} as {responsibility.Role}";
        return (null, $"{staffId} is neither responsible for this step (it is with {who}) nor the supervisor.");
    }

    private static (string? A, string? B, int Delay) Holders(Organisation organisation, StepHandler handler) => handler.Kind switch
    {
        StepHandlerKind.Post when organisation.Posts.TryGetValue(handler.Id, out var post) => (post.AHolderId, post.BHolderId, post.TakeoverDelayWorkingDays),
        StepHandlerKind.Grid when organisation.Grids.TryGetValue(handler.Id, out var grid) => (grid.WorkerId, grid.BackupWorkerId, GridTakeoverDelayWorkingDays),
        _ => (null, null, 0),
    };
}
