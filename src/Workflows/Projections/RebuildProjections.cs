using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Commands;
using Mediator;

namespace Affairs.Workflows.Projections;

/// <summary>Rebuilds the read models from position 0 aside and swaps them in; queries keep answering meanwhile. Administrators only.</summary>
/// <param name="Context">Who asks, and tracing.</param>
public sealed record RebuildProjections(CommandContext Context) : ICommand<ProjectionStatus>, IAffairsCommand;

internal sealed class RebuildProjectionsHandler(ProjectionEngine projections) : ICommandHandler<RebuildProjections, ProjectionStatus>
{
    public async ValueTask<ProjectionStatus> Handle(RebuildProjections command, CancellationToken cancellationToken)
    {
        if (!command.Context.Actor.Has(ActorRoles.Administrator) && !command.Context.Actor.Has(ActorRoles.System))
        {
            throw new CommandRejectedException(RejectionKind.Forbidden, "projections.administrators-only", "Only an administrator rebuilds the read models.");
        }

        return await projections.RebuildAsync(cancellationToken).ConfigureAwait(false);
    }
}
