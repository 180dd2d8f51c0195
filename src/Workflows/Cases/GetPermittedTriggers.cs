using Affairs.Domain.Staffing;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>The triggers <paramref name="Actor"/> may fire on a case now, with the reason for each one refused.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">The caller.</param>
public sealed record GetPermittedTriggers(string CaseId, Actor Actor) : IQuery<PermittedTriggers>;

internal sealed class GetPermittedTriggersHandler(CaseEngine engine) : IQueryHandler<GetPermittedTriggers, PermittedTriggers>
{
    public async ValueTask<PermittedTriggers> Handle(GetPermittedTriggers query, CancellationToken cancellationToken)
    {
        var loaded = await engine.Streams.LoadAsync(CaseStreams.For(query.CaseId), CaseStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        var organisation = await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false);
        var (state, revision, type, _, parameters, _, now, calendar) = await engine.InputsAsync(loaded, query.CaseId, organisation, withHandlers: false, cancellationToken).ConfigureAwait(false);
        var participant = engine.Participants.Of(query.Actor, state, organisation, now, calendar);
        var machine = type.CreateMachine(CaseEngine.Situation(type, state), participant.CaseActor, parameters, now);
        return new PermittedTriggers(state.CaseId, revision, state.State, participant.ActingRole, participant.Refusal, machine.Answers());
    }
}
