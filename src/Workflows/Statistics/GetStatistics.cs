using Affairs.Domain.Rejections;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Projections;
using Mediator;

namespace Affairs.Workflows.Statistics;

/// <summary>Statistics per affair type, period and outcome over a date range (local dates of the centre, inclusive).</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Period">How to cut the range (a year by default).</param>
/// <param name="AffairTypeId">One affair type, or null for all.</param>
public sealed record GetStatistics(DateOnly From, DateOnly To, StatisticsPeriod Period = StatisticsPeriod.Year, string? AffairTypeId = null) : IQuery<StatisticsReport>;

internal sealed class GetStatisticsValidator : ICommandValidator<GetStatistics>
{
    public void Validate(GetStatistics command, ValidationErrors errors) =>
        errors.AddIf(command.To < command.From, "to", "The range ends before it starts.");
}

internal sealed class GetStatisticsHandler(ProjectionEngine projections, CaseStatistics statistics) : IQueryHandler<GetStatistics, StatisticsReport>
{
    public async ValueTask<StatisticsReport> Handle(GetStatistics query, CancellationToken cancellationToken)
    {
        var rows = await projections.ReadAsync(board => statistics.Rows(board, query), cancellationToken).ConfigureAwait(false);
        return new StatisticsReport(query.From, query.To, query.Period, rows, projections.Checkpoint);
    }
}
