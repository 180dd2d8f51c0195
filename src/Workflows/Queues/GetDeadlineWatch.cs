using Mediator;

namespace Affairs.Workflows.Queues;

/// <summary>The overdue steps, and those due within a number of working days.</summary>
/// <param name="DueSoonWorkingDays">The due-soon window, in working days (2 by default).</param>
public sealed record GetDeadlineWatch(int DueSoonWorkingDays = 2) : IQuery<DeadlineWatch>;

internal sealed class GetDeadlineWatchHandler(WorkQueues queues) : IQueryHandler<GetDeadlineWatch, DeadlineWatch>
{
    public async ValueTask<DeadlineWatch> Handle(GetDeadlineWatch query, CancellationToken cancellationToken) =>
        await queues.DeadlinesAsync(Math.Clamp(query.DueSoonWorkingDays, 0, 60), cancellationToken).ConfigureAwait(false);
}
