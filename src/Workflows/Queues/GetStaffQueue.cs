using Mediator;

namespace Affairs.Workflows.Queues;

/// <summary>The queue of one member of staff: items as A, as B (covering), and as supervisor with alerts.</summary>
/// <param name="StaffId">The member of staff.</param>
public sealed record GetStaffQueue(string StaffId) : IQuery<StaffQueue>;

internal sealed class GetStaffQueueHandler(WorkQueues queues) : IQueryHandler<GetStaffQueue, StaffQueue>
{
    public async ValueTask<StaffQueue> Handle(GetStaffQueue query, CancellationToken cancellationToken) =>
        await queues.ForStaffAsync(query.StaffId, cancellationToken).ConfigureAwait(false);
}
