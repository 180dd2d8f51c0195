using Affairs.Domain.Rejections;
using Affairs.Domain.Residents.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>Places an active resident in a grid; assigning the grid they are already in changes nothing.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="GridId">The grid.</param>
/// <param name="Context">Who assigns it, and tracing.</param>
public sealed record AssignResidentGrid(string ResidentId, string GridId, CommandContext Context) : ICommand<ResidentRevision>, IAffairsCommand;

internal sealed class AssignResidentGridValidator : ICommandValidator<AssignResidentGrid>
{
    public void Validate(AssignResidentGrid command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.GridId), "gridId", "A grid id is required.");
}

internal sealed class AssignResidentGridHandler(StreamRepository streams, OrganisationDirectory organisation, TimeProvider time) : ICommandHandler<AssignResidentGrid, ResidentRevision>
{
    public async ValueTask<ResidentRevision> Handle(AssignResidentGrid command, CancellationToken cancellationToken)
    {
        await organisation.RequireGridAsync(command.GridId, "gridId", cancellationToken).ConfigureAwait(false);
        return await ResidentStreams.ExecuteAsync(
            streams,
            command.ResidentId,
            expectedRevision: null,
            command,
            loaded =>
            {
                var resident = ResidentStreams.RequireActive(loaded, command.ResidentId);
                object[] events = resident.GridId == command.GridId ? [] : [new ResidentGridAssigned(command.ResidentId, command.GridId, time.GetUtcNow())];
                return events;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
