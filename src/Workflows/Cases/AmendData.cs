using System.Text.Json;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>Corrects case data outside a transition, with a reason: by the responsible person or the supervisor.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Changes">The fields to set.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpectedRevision">The revision the client saw, or null.</param>
/// <param name="Context">Who amends it, and tracing.</param>
public sealed record AmendData(string CaseId, IReadOnlyDictionary<string, JsonElement> Changes, string Reason, long? ExpectedRevision, CommandContext Context)
    : ICommand<CaseRevision>, IAffairsCommand;

internal sealed class AmendDataValidator : ICommandValidator<AmendData>
{
    public void Validate(AmendData command, ValidationErrors errors) =>
        errors.AddIf(command.Changes is null || command.Changes.Count == 0, "changes", "Give at least one field to change.")
            .AddIf(string.IsNullOrWhiteSpace(command.Reason), "reason", "Say why the data is amended.");
}

internal sealed class AmendDataHandler(CaseEngine engine) : ICommandHandler<AmendData, CaseRevision>
{
    public async ValueTask<CaseRevision> Handle(AmendData command, CancellationToken cancellationToken) =>
        await engine.ActAsync(command.CaseId, command.ExpectedRevision, command, applicantMay: false, act =>
        {
            CaseEngine.ReadChanges(act.Type, command.Changes);
            return [new CaseDataAmended(act.State.CaseId, command.Changes, command.Reason, command.Context.Actor.Id, act.Participant.ActingRole, act.Participant.ActingReason, act.Now)];
        }, cancellationToken).ConfigureAwait(false);
}
