using Mediator;

namespace Affairs.Workflows.Queues;

/// <summary>A's handover list after their last absence: steps back with A, and steps B keeps until they end.</summary>
/// <param name="StaffId">The returning A holder.</param>
public sealed record GetHandoverList(string StaffId) : IQuery<HandoverList>;

internal sealed class GetHandoverListHandler(WorkQueues queues) : IQueryHandler<GetHandoverList, HandoverList>
{
    public async ValueTask<HandoverList> Handle(GetHandoverList query, CancellationToken cancellationToken) =>
        await queues.HandoverAsync(query.StaffId, cancellationToken).ConfigureAwait(false);
}
