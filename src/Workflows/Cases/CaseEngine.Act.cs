using Affairs.Domain.Cases;
using Affairs.Domain.Rejections;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Cases;

public sealed partial class CaseEngine
{
    /// <summary>
    /// Runs a command that records something on an open case: the actor must be responsible for the current step or
    /// be the supervisor (or act for the applicant where <paramref name="applicantMay"/>); refused with 403 otherwise.
    /// </summary>
    public async Task<CaseRevision> ActAsync(
        string caseId,
        long? expectedRevision,
        IAffairsCommand command,
        bool applicantMay,
        Func<CaseAct, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(decide);
        var organisation = await OrganisationAsync(cancellationToken).ConfigureAwait(false);
        return await streams.ExecuteAsync(
            CaseStreams.For(caseId),
            CaseStreams.Fold,
            expectedRevision,
            command,
            async loaded =>
            {
                var inputs = await InputsAsync(loaded, caseId, organisation, withHandlers: false, cancellationToken).ConfigureAwait(false);
                var state = inputs.State;
                CaseStreams.RequireOpen(state);
                var participant = participants.Of(command.Context.Actor, state, organisation, inputs.Now, inputs.Calendar);
                var mayAct = participant.CaseActor.Roles.Contains(Domain.AffairTypes.CaseRole.Handler)
                    || participant.CaseActor.Roles.Contains(Domain.AffairTypes.CaseRole.System)
                    || (applicantMay && participant.CaseActor.Roles.Contains(Domain.AffairTypes.CaseRole.Applicant));
                if (!mayAct)
                {
                    throw new CommandRejectedException(
                        RejectionKind.Forbidden,
                        "case.not-responsible",
                        participant.Refusal ?? $"{command.Context.Actor.Id} is not responsible for the current step of case {caseId}.",
                        new Dictionary<string, object?> { ["responsible"] = participant.Responsibility?.StaffId });
                }

                var events = decide(new CaseAct(state, inputs.Type, participant, inputs.Now));
                return new Decision<CaseRevision>(events, revision => new CaseRevision(caseId, revision, state.State, state.Outcome));
            },
            cancellationToken).ConfigureAwait(false);
    }
}
