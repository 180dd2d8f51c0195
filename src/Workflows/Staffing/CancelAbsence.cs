using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Staffing;

/// <summary>Records that a registered absence did not happen.</summary>
/// <param name="AbsenceId">The absence.</param>
/// <param name="Reason">Why.</param>
/// <param name="Context">Who cancels, and tracing.</param>
public sealed record CancelAbsence(string AbsenceId, string Reason, CommandContext Context) : ICommand<OrganisationRevision>, IAffairsCommand;

internal sealed class CancelAbsenceValidator : ICommandValidator<CancelAbsence>
{
    public void Validate(CancelAbsence command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Reason), "reason", "Say why the absence is cancelled.");
}

internal sealed class CancelAbsenceHandler(OrganisationCommand organisation, TimeProvider time) : ICommandHandler<CancelAbsence, OrganisationRevision>
{
    public async ValueTask<OrganisationRevision> Handle(CancelAbsence command, CancellationToken cancellationToken) =>
        await organisation.ExecuteAsync(
            command,
            org => org.Absences.ContainsKey(command.AbsenceId)
                ? ([new AbsenceCancelled(command.AbsenceId, command.Reason, time.GetUtcNow())], [])
                : throw CommandRejectedException.NotFound("absence.not-found", $"No absence '{command.AbsenceId}' is registered."),
            cancellationToken).ConfigureAwait(false);
}
