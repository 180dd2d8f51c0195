using Affairs.Domain.Privacy;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Staffing;

/// <summary>Registers a member of staff; registering an existing id again changes nothing.</summary>
/// <param name="StaffId">The staff id (what every record shows).</param>
/// <param name="Name">The name (personal data).</param>
/// <param name="Context">Who registers, and tracing.</param>
public sealed record RegisterStaff(string StaffId, [property: PersonalData(PersonalDataKind.Name)] string Name, CommandContext Context)
    : ICommand<StaffRevision>, IAffairsCommand;

internal sealed class RegisterStaffValidator : ICommandValidator<RegisterStaff>
{
    public void Validate(RegisterStaff command, ValidationErrors errors) =>
        errors.AddIf(!StaffIds.IsValid(command.StaffId), "staffId", StaffIds.Rule)
            .AddIf(string.IsNullOrWhiteSpace(command.Name), "name", "A name is required.");
}

internal sealed class RegisterStaffHandler(OrganisationCommand organisation, TimeProvider time) : ICommandHandler<RegisterStaff, StaffRevision>
{
    public async ValueTask<StaffRevision> Handle(RegisterStaff command, CancellationToken cancellationToken) =>
        await organisation.ExecuteAsync(
            command,
            org => (org.Staff.Contains(command.StaffId) ? [] : [new StaffRegistered(command.StaffId, command.Name.Trim(), time.GetUtcNow())], []),
            (revision, warnings) => new StaffRevision(command.StaffId, revision, warnings),
            cancellationToken).ConfigureAwait(false);
}
