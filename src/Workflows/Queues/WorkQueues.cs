using Affairs.Domain.Calendar;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Staffing;

namespace Affairs.Workflows.Queues;

/// <summary>
/// The work queues, computed at the moment of asking: the case board gives the open steps, and
/// <see cref="CaseParticipants.Responsible(Domain.Cases.CaseState, Organisation, DateTimeOffset)"/> (the AB-post rules over the organisation as of now) gives who holds each.
/// Nothing about responsibility is stored, so a late-registered absence, a reassignment or a takeover delay that has
/// just run out shows at once.
/// </summary>
public sealed class WorkQueues(ProjectionEngine projections, OrganisationDirectory directory, CaseParticipants participants, DeadlineCalculator deadlines, TimeProvider time)
{
    /// <summary>The queue of one member of staff.</summary>
    public async Task<StaffQueue> ForStaffAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var items = await ItemsAsync(i => i.ResponsibleId == staffId, cancellationToken).ConfigureAwait(false);
        var (organisation, _) = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return new StaffQueue(
            staffId,
            [.. items.Where(i => i.Role == ActingRole.A)],
            [.. items.Where(i => i.Role == ActingRole.B)],
            [.. items.Where(i => i.Role == ActingRole.Supervisor)],
            [.. items.Where(i => i.Role == ActingRole.Supervisor && i.Alert)],
            now,
            projections.Checkpoint,
            organisation.SupervisorId == staffId ? CentreAlert.ForMissingCalendars(deadlines.Calendar, now) : []);
    }

    /// <summary>The open steps of one post.</summary>
    public async Task<PostQueue> ForPostAsync(string postId, CancellationToken cancellationToken = default)
    {
        var handler = StepHandler.Post(postId).ToString();
        var items = await ItemsAsync(i => i.Handler == handler, cancellationToken).ConfigureAwait(false);
        var (organisation, _) = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var post = organisation.Posts.GetValueOrDefault(postId);
        return new PostQueue(postId, post?.AHolderId, post?.BHolderId, items, time.GetUtcNow(), projections.Checkpoint);
    }

    /// <summary>The open steps past a deadline, and those due within <paramref name="dueSoonWorkingDays"/> working days.</summary>
    public async Task<DeadlineWatch> DeadlinesAsync(int dueSoonWorkingDays, CancellationToken cancellationToken = default)
    {
        var items = await ItemsAsync(_ => true, cancellationToken, dueSoonWorkingDays).ConfigureAwait(false);
        return new DeadlineWatch([.. items.Where(i => i.Overdue)], [.. items.Where(i => i.DueSoon)], dueSoonWorkingDays, time.GetUtcNow());
    }

    /// <summary>
    /// A's handover list after their last absence that has ended: the steps of A's posts that were open while A was
    /// away. Those B acted on stay with B until the step ends; the rest are back with A.
    /// </summary>
    public async Task<HandoverList> HandoverAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var (organisation, _) = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var absence = organisation.Absences.Values.Where(a => a.StaffId == staffId && a.To <= now).MaxBy(a => a.To);
        if (absence is null)
        {
            return new HandoverList(staffId, null, null, []);
        }

        var items = await projections.ReadAsync(
            board => board.Open
                .Where(c => c.State.Handler.Length > 0 && c.State.Step.StartedAt < absence.To)
                .Select(c => (Entry: c, Item: Item(c, organisation, now, 0)))
                .Where(x => x.Item is { } i && AHolderOf(x.Entry, organisation, now) == staffId && (i.Reason == TakeoverReason.KeptByB || i.ResponsibleId == staffId))
                .Select(x => new HandoverItem(
                    x.Item!,
                    x.Item!.Reason == TakeoverReason.KeptByB ? HandoverDisposition.KeptByB : HandoverDisposition.ReturnedToA,
                    x.Entry.StepActs.Count(a => a.ActorId != staffId && absence.Covers(a.At)),
                    x.Entry.StepEscalations.Count))
                .OrderBy(h => h.Item.StepStartedAt)
                .ToList(),
            cancellationToken).ConfigureAwait(false);
        return new HandoverList(staffId, absence.From, absence.To, items);
    }

    /// <summary>A queue item for one case at <paramref name="now"/>, or null for a closed case.</summary>
    public QueueItem? Item(CaseEntry entry, Organisation organisation, DateTimeOffset now, int dueSoonWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var state = entry.State;
        if (participants.Responsible(state, organisation, now) is not { } responsibility)
        {
            return null;
        }

        var stepDue = deadlines.StepDue(state);
        var statutoryDue = state.Clocks.Values.Where(c => c.StoppedAt is null).Select(deadlines.ClockDue).MinBy(d => d.At);
        var (step, statutory) = (stepDue?.At, statutoryDue?.At);
        var earliest = new[] { step, statutory }.Where(d => d is not null).Min();
        var soon = deadlines.Calendar.Deadline(now, TimeLimit.WorkingDays(dueSoonWorkingDays));
        return new QueueItem(
            state.CaseId, state.AffairTypeId, state.State, state.Handler,
            responsibility.StaffId, responsibility.Role, responsibility.Reason, responsibility.Alert,
            state.Step.StartedAt, step, statutory,
            earliest < now,
            earliest >= now && earliest <= soon,
            stepDue?.Provisional == true || statutoryDue?.Provisional == true);
    }

    private string? AHolderOf(CaseEntry entry, Organisation organisation, DateTimeOffset now) =>
        participants.Responsible(entry.State, organisation, now)?.AHolderId;

    private async Task<List<QueueItem>> ItemsAsync(Func<QueueItem, bool> keep, CancellationToken cancellationToken, int dueSoonWorkingDays = 2)
    {
        var (organisation, _) = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return await projections.ReadAsync(
            board => board.Open
                .Select(c => Item(c, organisation, now, dueSoonWorkingDays))
                .OfType<QueueItem>()
                .Where(keep)
                .OrderBy(i => i.StepDeadline ?? DateTimeOffset.MaxValue)
                .ThenBy(i => i.StepStartedAt)
                .ToList(),
            cancellationToken).ConfigureAwait(false);
    }
}
