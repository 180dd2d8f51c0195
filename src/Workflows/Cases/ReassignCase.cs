using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>The supervisor gives the current step of a case to a named member of staff, with a reason.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ToStaffId">A registered member of staff who is not away now.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpectedRevision">The revision the client saw (If-Match), or null.</param>
/// <param name="Context">The supervisor, and tracing.</param>
public sealed record ReassignCase(string CaseId, string ToStaffId, string Reason, long? ExpectedRevision, CommandContext Context) : ICommand<CaseRevision>, IAffairsCommand;

internal sealed class ReassignCaseValidator : ICommandValidator<ReassignCase>
{
    public void Validate(ReassignCase command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Reason), "reason", "A reassignment always gives its reason.");
}

internal sealed class ReassignCaseHandler(CaseEngine engine) : ICommandHandler<ReassignCase, CaseRevision>
{
    public async ValueTask<CaseRevision> Handle(ReassignCase command, CancellationToken cancellationToken)
    {
        var organisation = await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false);
        var actor = command.Context.Actor;
        if (actor.Id != organisation.SupervisorId && !actor.Has(Domain.Staffing.ActorRoles.Supervisor))
        {
            throw new CommandRejectedException(RejectionKind.Forbidden, "case.supervisor-only", "Only the supervisor reassigns a case.");
        }

        var now = engine.Now();
        if (!organisation.Staff.Contains(command.ToStaffId) || organisation.IsAbsent(command.ToStaffId, now))
        {
            throw new ValidationErrors().Add("toStaffId", $"'{command.ToStaffId}' is not a member of staff who is here now.").ToException();
        }

        return await engine.Streams.ExecuteAsync(
            CaseStreams.For(command.CaseId),
            CaseStreams.Fold,
            command.ExpectedRevision,
            command,
            loaded =>
            {
                var state = CaseStreams.Require(loaded, command.CaseId);
                CaseStreams.RequireOpen(state);
                return new Decision<CaseRevision>(
                    [new CaseReassigned(state.CaseId, state.State, command.ToStaffId, command.Reason, actor.Id, now)],
                    revision => new CaseRevision(state.CaseId, revision, state.State, null));
            },
            cancellationToken).ConfigureAwait(false);
    }
}
