using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Events;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Timers;

/// <summary>
/// Fires due timers by sending ordinary commands as <see cref="Actor.System"/>, each with the timer's key as its
/// idempotency key. Exactly once, across restarts and hosts: a command already recorded under the key answers as it
/// did the first time; a command racing another host's loses the append and, on its one retry, finds the case already
/// moved on (the trigger is no longer permitted, the takeover is recorded, the case is open), which settles the timer.
/// </summary>
public sealed partial class TimerScheduler(
    ProjectionEngine projections,
    OrganisationDirectory directory,
    TimerSchedule schedule,
    IMediator mediator,
    IIdSource ids,
    TimeProvider time,
    ILogger<TimerScheduler> logger)
{
    /// <summary>Brings the read models up to date and fires every timer due now.</summary>
    public async Task<TimerRun> FireDueAsync(CancellationToken cancellationToken = default)
    {
        var (organisation, _) = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var due = await projections.ReadAsync(board => schedule.Due(board, organisation, now), cancellationToken).ConfigureAwait(false);
        var fired = new List<string>();
        var settled = new List<string>();
        foreach (var timer in due)
        {
            try
            {
                (await SendAsync(timer, cancellationToken).ConfigureAwait(false) ? fired : settled).Add(timer.Key);
            }
            catch (CommandRejectedException rejected) when (rejected.Kind is RejectionKind.NotPermitted or RejectionKind.Conflict or RejectionKind.NotFound)
            {
                LogSettled(timer.Kind, timer.CaseId, rejected.Code);
                settled.Add(timer.Key);
            }
            catch (StoredEventUnreadableException unreadable)
            {
                // One case's damaged record must not hold back every other case's timers; this one stays due.
                LogUnreadable(timer.Kind, timer.CaseId, unreadable.Stream, unreadable.Revision);
            }
        }

        return new TimerRun(due, fired, settled);
    }

    private async Task<bool> SendAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var context = new CommandContext(Actor.System, "timer-" + ids.NewId().ToString("N"), timer.Key, timer.Key);
        switch (timer.Kind)
        {
            case TimerKind.Takeover:
                return (await mediator.Send(new RecordEscalation(timer.CaseId, context), cancellationToken).ConfigureAwait(false)).Recorded;
            case TimerKind.YearlyCertification:
                await mediator.Send(new OpenCase(timer.AffairTypeId!, null, timer.SubjectId!, "scheduled", timer.Data, context, timer.CaseId), cancellationToken).ConfigureAwait(false);
                return true;
            default:
                await mediator.Send(new FireTrigger(timer.CaseId, timer.Trigger!, null, timer.Reason, timer.Data, context), cancellationToken).ConfigureAwait(false);
                return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Kind} on case {CaseId} cannot fire: the stored event at revision {Revision} of {Stream} does not read as its type. Verify the ledger")]
    private partial void LogUnreadable(TimerKind kind, string caseId, string stream, long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Kind} on case {CaseId} needed nothing more: {Code}")]
    private partial void LogSettled(TimerKind kind, string caseId, string code);
}
