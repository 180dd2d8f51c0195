using Affairs.Domain.Cases.Events;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;
using Mediator;

namespace Affairs.Workflows.Audit;

/// <summary>A case's history as a readable timeline: who acted, as A or as B and why, what, and under which definition version.</summary>
/// <param name="CaseId">The case.</param>
public sealed record GetCaseHistory(string CaseId) : IQuery<IReadOnlyList<TimelineEntry>>;

internal sealed class GetCaseHistoryHandler(CaseEngine engine) : IQueryHandler<GetCaseHistory, IReadOnlyList<TimelineEntry>>
{
    public async ValueTask<IReadOnlyList<TimelineEntry>> Handle(GetCaseHistory query, CancellationToken cancellationToken)
    {
        var loaded = await engine.Streams.LoadAsync(CaseStreams.For(query.CaseId), CaseStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = CaseStreams.Require(loaded, query.CaseId);
        return [.. loaded.Events.Select(e => Entry(e, state.DefinitionVersion))];
    }

    private static TimelineEntry Entry(DecodedEvent decoded, int version)
    {
        var revision = decoded.Recorded.Revision;
        var correlation = decoded.Metadata.CorrelationId;
        return decoded.Event switch
        {
            CaseOpened e => new(revision, e.OpenedAt, "opened", e.ActorId, e.ActingRole, null, null, null, e.State, null, [.. e.Data.Keys], e.DefinitionVersion, correlation,
                $"{e.ActorId} opened a {e.AffairTypeId} case (v{e.DefinitionVersion}) for {e.SubjectKind} {e.SubjectId} at the {e.Channel}; it went to {e.Handler}."),
            CaseTransitioned e => new(revision, e.DecisionTime, "transitioned", e.ActorId, e.ActingRole, e.ActingReason, e.Trigger, e.From, e.To, e.Reason, [.. e.DataChanges.Keys], e.DefinitionVersion, correlation,
                $"{e.ActorId} as {e.ActingRole}{Why(e.ActingReason)} fired '{e.Trigger}': {e.From} → {e.To}{(e.Outcome is null ? string.Empty : $" ({e.Outcome})")}{(e.Reason is null ? string.Empty : $", because: {e.Reason}")}."),
            CaseDataAmended e => new(revision, e.At, "data-amended", e.ActorId, e.ActingRole, e.ActingReason, null, null, null, e.Reason, [.. e.Changes.Keys], version, correlation,
                $"{e.ActorId} as {e.ActingRole} amended {string.Join(", ", e.Changes.Keys)}, because: {e.Reason}."),
            CaseMaterialAttached e => new(revision, e.At, "material-attached", e.ActorId, e.ActingRole, null, null, null, null, null, [], version, correlation,
                $"{e.ActorId} as {e.ActingRole} received '{e.MaterialId}' ({e.FileName}, sha256 {e.ContentHash[..12]}…)."),
            CaseNoteAdded e => new(revision, e.At, "note-added", e.ActorId, e.ActingRole, null, null, null, null, null, [], version, correlation,
                $"{e.ActorId} as {e.ActingRole} added a note."),
            CaseEscalated e => new(revision, e.At, "escalated", "system", Domain.Staffing.ActingRole.System, e.Reason, null, e.State, e.State, null, [], version, correlation,
                $"The step '{e.State}' moved from {e.FromStaffId ?? "nobody"} to {e.ToStaffId ?? "nobody"} as {e.ToRole}{Why(e.Reason)}{(e.Alert ? "; the supervisor was alerted" : string.Empty)}."),
            CaseReassigned e => new(revision, e.At, "reassigned", e.SupervisorId, Domain.Staffing.ActingRole.Supervisor, Domain.Staffing.TakeoverReason.Reassigned, null, e.State, e.State, e.Reason, [], version, correlation,
                $"{e.SupervisorId} gave the step '{e.State}' to {e.ToStaffId}, because: {e.Reason}."),
            CaseClockStarted e => new(revision, e.At, "clock-started", "system", Domain.Staffing.ActingRole.System, null, null, null, null, null, [], version, correlation,
                $"The {e.Clock} clock started: {e.LimitDays} {(e.WorkingDays ? "working days" : "days")}."),
            CaseClockExtended e => new(revision, e.At, "clock-extended", e.ActorId, e.ActingRole, null, null, null, null, e.Reason, [], version, correlation,
                $"{e.ActorId} extended the {e.Clock} clock by {e.Days} {(e.WorkingDays ? "working days" : "days")}, because: {e.Reason}."),
            CaseClockStopped e => new(revision, e.At, "clock-stopped", "system", Domain.Staffing.ActingRole.System, null, null, null, null, null, [], version, correlation,
                $"The {e.Clock} clock stopped."),
            _ => new(revision, decoded.Recorded.Recorded, decoded.TypeName, decoded.Metadata.ActorId, null, null, null, null, null, null, [], version, correlation, decoded.TypeName),
        };
    }

    private static string Why(Domain.Staffing.TakeoverReason? reason) => reason switch
    {
        null => string.Empty,
        Domain.Staffing.TakeoverReason.AAbsent => " (A was away)",
        Domain.Staffing.TakeoverReason.ALate => " (A had not acted in time)",
        Domain.Staffing.TakeoverReason.BothAbsent => " (A and B were both away)",
        Domain.Staffing.TakeoverReason.KeptByB => " (B kept the step after covering)",
        Domain.Staffing.TakeoverReason.Unstaffed => " (no holders were assigned)",
        Domain.Staffing.TakeoverReason.Reassigned => " (reassigned by the supervisor)",
        Domain.Staffing.TakeoverReason.SupervisorIntervened => " (the supervisor stepped in)",
        _ => string.Empty,
    };
}
