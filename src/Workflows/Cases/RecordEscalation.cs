using Affairs.Domain.Calendar;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Records that the AB-post rules moved a waiting step away from A without anyone asking (A away, A late, or A and B
/// both away): a <see cref="CaseEscalated"/> event with the reason and the alert flag. Sent by the timer scheduler as the
/// system actor. The handler works responsibility out again itself, and writes nothing when there is no takeover now or
/// this takeover is already recorded on the step, so it records each takeover once however often it is sent.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Context">The system actor, with the timer's idempotency key.</param>
public sealed record RecordEscalation(string CaseId, CommandContext Context) : ICommand<EscalationResult>, IAffairsCommand;

internal sealed class RecordEscalationHandler(CaseEngine engine) : ICommandHandler<RecordEscalation, EscalationResult>
{
    public async ValueTask<EscalationResult> Handle(RecordEscalation command, CancellationToken cancellationToken)
    {
        if (!command.Context.Actor.Has(ActorRoles.System))
        {
            throw new CommandRejectedException(RejectionKind.Forbidden, "case.system-only", "Only the engine records takeovers.");
        }

        var organisation = await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false);
        return await engine.Streams.ExecuteAsync(
            CaseStreams.For(command.CaseId),
            CaseStreams.Fold,
            clientExpected: null,
            command,
            loaded => Decide(command.CaseId, loaded, organisation),
            cancellationToken).ConfigureAwait(false);
    }

    private Decision<EscalationResult> Decide(string caseId, LoadedStream<CaseState> loaded, Organisation organisation)
    {
        var state = CaseStreams.Require(loaded, caseId);
        CaseStreams.RequireOpen(state);
        var now = engine.Now();
        var calendar = engine.Calendar;
        var responsibility = engine.Participants.Responsible(state, organisation, now, calendar);
        if (responsibility is not { Reason: TakeoverReason.AAbsent or TakeoverReason.ALate or TakeoverReason.BothAbsent } taken
            || state.Step.Takeovers.Contains(new StepTakeover(taken.Reason.Value, taken.StaffId)))
        {
            return new Decision<EscalationResult>([], _ => new EscalationResult(caseId, false, loaded.Revision, responsibility?.Reason, responsibility?.StaffId));
        }

        var escalated = new CaseEscalated(
            caseId, state.State, state.Handler, taken.AHolderId, taken.StaffId, taken.Role, taken.Reason!.Value, taken.Alert,
            TookEffect(organisation, state, taken, now, calendar));
        return new Decision<EscalationResult>([escalated], revision => new EscalationResult(caseId, true, revision, taken.Reason, taken.StaffId));
    }

    /// <summary>When the takeover took effect: the absence's start (the later one when both are away), or the end of A's delay.</summary>
    private static DateTimeOffset TookEffect(Organisation organisation, CaseState state, Responsibility taken, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        DateTimeOffset AwaySince(string? staffId) =>
            organisation.Absences.Values.Where(a => a.StaffId == staffId && a.Covers(now)).Select(a => a.From).DefaultIfEmpty(now).Min();

        return taken.Reason switch
        {
            TakeoverReason.AAbsent => AwaySince(taken.AHolderId),
            TakeoverReason.BothAbsent => new[] { AwaySince(taken.AHolderId), AwaySince(taken.BHolderId) }.Max(),
            _ => calendar.Deadline(state.Step.StartedAt, TimeLimit.WorkingDays(DelayOf(organisation, state.Handler))),
        };
    }

    private static int DelayOf(Organisation organisation, string handler)
    {
        var parsed = StepHandler.Parse(handler);
        return parsed.Kind == StepHandlerKind.Post && organisation.Posts.TryGetValue(parsed.Id, out var post)
            ? post.TakeoverDelayWorkingDays
            : ResponsibilityRules.GridTakeoverDelayWorkingDays;
    }
}
