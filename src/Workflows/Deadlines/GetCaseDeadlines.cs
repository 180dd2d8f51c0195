using Affairs.Domain.Rejections;
using Affairs.Workflows.Projections;
using Mediator;

namespace Affairs.Workflows.Deadlines;

/// <summary>One case's step deadline and statutory deadlines (with extensions), with overdue and provisional flags.</summary>
/// <param name="CaseId">The case.</param>
public sealed record GetCaseDeadlines(string CaseId) : IQuery<CaseDeadlines>;

internal sealed class GetCaseDeadlinesHandler(ProjectionEngine projections, DeadlineCalculator deadlines, TimeProvider time) : IQueryHandler<GetCaseDeadlines, CaseDeadlines>
{
    public async ValueTask<CaseDeadlines> Handle(GetCaseDeadlines query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await projections.ReadAsync(board => board.Find(query.CaseId)?.State, cancellationToken).ConfigureAwait(false)
            ?? throw CommandRejectedException.NotFound("case.not-found", $"No case {query.CaseId} exists.");
        return deadlines.Of(state, now);
    }
}
