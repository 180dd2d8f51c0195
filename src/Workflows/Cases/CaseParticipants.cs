using Affairs.Domain.AffairTypes;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Works out how an actor stands to a case at a moment: the responsible person acts as A or B with the handler role;
/// the supervisor may always act; an integration client acts for the applicant; the engine acts as system. Anyone
/// else gets the reason they may not act.
/// </summary>
public sealed class CaseParticipants(CalendarCatalog calendars, AffairTypeCatalog catalog)
{
    /// <summary>Who is responsible for the case's current step at <paramref name="at"/>, counting in the calendar in force; null for a closed case.</summary>
    public Responsibility? Responsible(CaseState state, Organisation organisation, DateTimeOffset at) =>
        Responsible(state, organisation, at, calendars.Current);

    /// <summary>Who is responsible for the case's current step at <paramref name="at"/>, counting in <paramref name="calendar"/>; null for a closed case.</summary>
    public Responsibility? Responsible(CaseState state, Organisation organisation, DateTimeOffset at, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.IsClosed || state.Handler.Length == 0
            ? null
            : ResponsibilityRules.Resolve(organisation, StepHandler.Parse(state.Handler), state.Step with { AwaitsTimer = AwaitsTimer(state) }, at, calendar);
    }

    /// <summary>How <paramref name="actor"/> stands to the case at <paramref name="at"/>, counting in the calendar in force.</summary>
    public CaseParticipant Of(Actor actor, CaseState state, Organisation organisation, DateTimeOffset at) =>
        Of(actor, state, organisation, at, calendars.Current);

    /// <summary>How <paramref name="actor"/> stands to the case at <paramref name="at"/>, counting in <paramref name="calendar"/>.</summary>
    public CaseParticipant Of(Actor actor, CaseState state, Organisation organisation, DateTimeOffset at, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(organisation);
        var responsibility = Responsible(state, organisation, at, calendar);
        var post = StepHandlerPost(state.Handler);
        if (actor.Has(ActorRoles.System))
        {
            return new CaseParticipant(CaseActor.System, ActingRole.System, null, responsibility, null);
        }

        var roles = new HashSet<CaseRole>();
        var acting = ActingRole.Applicant;
        TakeoverReason? reason = null;
        string? refusal = null;
        if (actor.Has(ActorRoles.Integration))
        {
            roles.Add(CaseRole.Applicant);
        }

        var isSupervisor = actor.Has(ActorRoles.Supervisor) || actor.Id == organisation.SupervisorId;
        if (responsibility is not null && (actor.Has(ActorRoles.Caseworker) || isSupervisor))
        {
            if (actor.Id == responsibility.StaffId)
            {
                roles.Add(CaseRole.Handler);
                acting = responsibility.Role;
                reason = responsibility.Role == ActingRole.A ? null : responsibility.Reason;
            }
            else if (!isSupervisor)
            {
                refusal = ResponsibilityRules.MayAct(actor.Id, responsibility, organisation).Refusal;
            }

            if (isSupervisor)
            {
                roles.Add(CaseRole.Supervisor);
                roles.Add(CaseRole.Handler);
                if (actor.Id != responsibility.StaffId)
                {
                    acting = ActingRole.Supervisor;
                    reason = TakeoverReason.SupervisorIntervened;
                }
            }
        }
        else if (roles.Count == 0)
        {
            refusal = responsibility is null
                ? "The case is closed."
                : $"{actor.Id} acts neither as staff nor for the applicant.";
        }

        return new CaseParticipant(new CaseActor(actor.Id, roles, post), acting, reason, responsibility, roles.Count == 0 ? refusal : null);
    }

    /// <summary>Whether the case's current state is a waiting period that one of its timers ends.</summary>
    private bool AwaitsTimer(CaseState state) =>
        catalog.Resolve(state.AffairTypeId, state.DefinitionVersion).State(state.State).Timers.Count > 0;

    private static string? StepHandlerPost(string handler) =>
        handler.StartsWith("post:", StringComparison.Ordinal) ? handler[5..] : null;
}
