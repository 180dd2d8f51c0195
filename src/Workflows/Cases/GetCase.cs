using Affairs.Domain.AffairTypes;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Staffing;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>
/// A case's state now, or replayed to a revision or a moment: the fold of its events up to there — no guard is
/// evaluated to get the state, so a case whose guard would fail under today's policy replays to the same state. Who
/// was responsible is worked out from the organisation as it stood at that moment.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="AtRevision">Replay up to and including this revision.</param>
/// <param name="At">Replay to this moment.</param>
public sealed record GetCase(string CaseId, long? AtRevision = null, DateTimeOffset? At = null) : IQuery<CaseView>;

internal sealed class GetCaseValidator : ICommandValidator<GetCase>
{
    public void Validate(GetCase command, ValidationErrors errors) =>
        errors.AddIf(command.AtRevision < 0, "revision", "A revision is 0 or more.");
}

internal sealed class GetCaseHandler(CaseEngine engine, OrganisationDirectory directory, DeadlineCalculator deadlines) : IQueryHandler<GetCase, CaseView>
{
    public async ValueTask<CaseView> Handle(GetCase query, CancellationToken cancellationToken)
    {
        var loaded = await engine.Streams.LoadAsync(CaseStreams.For(query.CaseId), CaseStreams.Fold, query.AtRevision ?? long.MaxValue, query.At, cancellationToken).ConfigureAwait(false);
        var state = CaseStreams.Require(loaded, query.CaseId);
        if (query.At is null && query.AtRevision > loaded.Revision)
        {
            throw CommandRejectedException.NotFound("case.revision-not-found", $"The case has no such revision; its latest is {loaded.Revision}.");
        }

        var asOf = query.At ?? loaded.Events[^1].Recorded.Recorded;
        var organisation = query.At is null && query.AtRevision is null
            ? await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false)
            : (await engine.Streams.LoadAsync(directory.Stream, directory, upTo: asOf, cancellationToken: cancellationToken).ConfigureAwait(false)).State;
        var moment = query.At is null && query.AtRevision is null ? engine.Now() : asOf;
        var responsible = engine.Participants.Responsible(state, organisation, moment);
        var type = engine.TypeOf(state);
        IReadOnlyList<Workflows.AffairTypes.TriggerAnswer> permitted = [];
        if (responsible?.StaffId is { } staff)
        {
            var roles = new HashSet<CaseRole> { CaseRole.Handler };
            if (responsible.Role == ActingRole.Supervisor)
            {
                roles.Add(CaseRole.Supervisor);
            }

            var machine = type.CreateMachine(CaseEngine.Situation(type, state), new CaseActor(staff, roles), engine.Parameters(type, moment), moment);
            permitted = [.. machine.Answers().Where(a => a.Permitted)];
        }

        return new CaseView(
            state.CaseId, loaded.Revision, asOf, state.AffairTypeId, state.DefinitionVersion, state.SubjectKind, state.SubjectId,
            state.Channel, state.State, state.Outcome, state.Handler, state.Data, state.Materials, [.. state.Clocks.Values],
            responsible, permitted, state.OpenedAt, state.ClosedAt, deadlines.Of(state, moment));
    }
}
