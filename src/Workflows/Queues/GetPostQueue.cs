using Mediator;

namespace Affairs.Workflows.Queues;

/// <summary>The open steps of one post, each with who holds it now.</summary>
/// <param name="PostId">The post.</param>
public sealed record GetPostQueue(string PostId) : IQuery<PostQueue>;

internal sealed class GetPostQueueHandler(WorkQueues queues) : IQueryHandler<GetPostQueue, PostQueue>
{
    public async ValueTask<PostQueue> Handle(GetPostQueue query, CancellationToken cancellationToken) =>
        await queues.ForPostAsync(query.PostId, cancellationToken).ConfigureAwait(false);
}
