using Affairs.Domain.Rejections;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Staffing;
using Mediator;

namespace Affairs.Workflows.Households;

/// <summary>Lists households from the read model, in the order they were registered, a page at a time.</summary>
/// <param name="GridId">Only the households of this grid.</param>
/// <param name="Cursor">The <see cref="HouseholdPage.NextCursor"/> of the previous page; none for the first.</param>
/// <param name="Limit">The page size, 1 to <see cref="PageCursor.MaxLimit"/>.</param>
public sealed record FindHouseholds(string? GridId = null, string? Cursor = null, int Limit = PageCursor.DefaultLimit) : IQuery<HouseholdPage>
{
    /// <summary>The kind of list its cursors belong to.</summary>
    internal const string CursorKind = "households";
}

internal sealed class FindHouseholdsValidator : ICommandValidator<FindHouseholds>
{
    public void Validate(FindHouseholds command, ValidationErrors errors) =>
        PageCursor.Decode(FindHouseholds.CursorKind, command.Cursor, errors.CheckLimit(command.Limit));
}

internal sealed class FindHouseholdsHandler(ProjectionEngine projections, OrganisationDirectory directory) : IQueryHandler<FindHouseholds, HouseholdPage>
{
    public async ValueTask<HouseholdPage> Handle(FindHouseholds query, CancellationToken cancellationToken)
    {
        var (organisation, _) = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (query.GridId is { } grid && !organisation.Grids.ContainsKey(grid))
        {
            throw new ValidationErrors().Add("gridId", $"The grid is one of {string.Join(", ", organisation.Grids.Keys.Order(StringComparer.Ordinal))}.").ToException();
        }

        var after = PageCursor.Decode(FindHouseholds.CursorKind, query.Cursor, new ValidationErrors());
        var (items, next) = await projections.ReadAsync(
            board => PageCursor.Page(
                FindHouseholds.CursorKind,
                board.Households.InLogOrder,
                h => h.RegisteredPosition,
                after,
                query.Limit,
                h => query.GridId is null || h.Household.GridId == query.GridId ? Summary(h) : null),
            cancellationToken).ConfigureAwait(false);
        return new HouseholdPage(items, next);
    }

    internal static HouseholdSummary Summary(HouseholdEntry entry) =>
        new(entry.Household.Id, entry.Household.HeadResidentId, entry.Household.GridId, entry.Household.Members, entry.Revision);
}
