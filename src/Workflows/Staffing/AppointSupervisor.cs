using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing.Events;
using Affairs.Workflows.Commands;
using Mediator;

namespace Affairs.Workflows.Staffing;

/// <summary>Appoints the section head.</summary>
/// <param name="StaffId">A registered member of staff.</param>
/// <param name="Context">Who appoints, and tracing.</param>
public sealed record AppointSupervisor(string StaffId, CommandContext Context) : ICommand<OrganisationRevision>, IAffairsCommand;

internal sealed class AppointSupervisorHandler(OrganisationCommand organisation, TimeProvider time) : ICommandHandler<AppointSupervisor, OrganisationRevision>
{
    public async ValueTask<OrganisationRevision> Handle(AppointSupervisor command, CancellationToken cancellationToken) =>
        await organisation.ExecuteAsync(
            command,
            org =>
            {
                var errors = new ValidationErrors();
                OrganisationCommand.RequireStaff(org, errors, "staffId", command.StaffId);
                errors.ThrowIfAny();
                return (org.SupervisorId == command.StaffId ? [] : [new SupervisorAppointed(command.StaffId, time.GetUtcNow())], []);
            },
            cancellationToken).ConfigureAwait(false);
}
