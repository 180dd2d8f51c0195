using Mediator;

namespace Affairs.Workflows.Projections;

/// <summary>How far the read models are behind the log (the same lag the <c>affairs.projection.lag</c> gauge shows).</summary>
public sealed record GetProjectionStatus : IQuery<ProjectionStatus>;

internal sealed class GetProjectionStatusHandler(ProjectionEngine projections) : IQueryHandler<GetProjectionStatus, ProjectionStatus>
{
    public async ValueTask<ProjectionStatus> Handle(GetProjectionStatus query, CancellationToken cancellationToken) =>
        await projections.StatusAsync(cancellationToken).ConfigureAwait(false);
}
