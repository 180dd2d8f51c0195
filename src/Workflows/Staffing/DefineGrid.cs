using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Staffing;

/// <summary>Defines a grid, or changes its worker and the worker's backup (two different registered people).</summary>
/// <param name="GridId">The grid id.</param>
/// <param name="Name">Its name.</param>
/// <param name="WorkerId">The grid worker.</param>
/// <param name="BackupWorkerId">The backup.</param>
/// <param name="Context">Who defines it, and tracing.</param>
public sealed record DefineGrid(string GridId, string Name, string WorkerId, string BackupWorkerId, CommandContext Context)
    : ICommand<GridRevision>, IAffairsCommand;

internal sealed class DefineGridValidator : ICommandValidator<DefineGrid>
{
    public void Validate(DefineGrid command, ValidationErrors errors) =>
        errors.AddIf(!StaffIds.IsValid(command.GridId), "gridId", StaffIds.Rule)
            .AddIf(string.IsNullOrWhiteSpace(command.Name), "name", "A name is required.")
            .AddIf(command.WorkerId == command.BackupWorkerId, "backupWorkerId", "The worker and the backup must be two different people.");
}

internal sealed class DefineGridHandler(OrganisationCommand organisation, TimeProvider time) : ICommandHandler<DefineGrid, GridRevision>
{
    public async ValueTask<GridRevision> Handle(DefineGrid command, CancellationToken cancellationToken) =>
        await organisation.ExecuteAsync(
            command,
            org =>
            {
                var errors = new ValidationErrors();
                OrganisationCommand.RequireStaff(org, errors, "workerId", command.WorkerId);
                OrganisationCommand.RequireStaff(org, errors, "backupWorkerId", command.BackupWorkerId);
                errors.ThrowIfAny();
                return ([new GridDefined(command.GridId, command.Name.Trim(), command.WorkerId, command.BackupWorkerId, time.GetUtcNow())], []);
            },
            (revision, warnings) => new GridRevision(command.GridId, revision, warnings),
            cancellationToken).ConfigureAwait(false);
}
