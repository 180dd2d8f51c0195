using Affairs.Workflows.Projections;
using Mediator;

namespace Affairs.Workflows.Households;

/// <summary>The households a resident is a current member of, oldest first, from the read model.</summary>
/// <param name="ResidentId">The resident.</param>
public sealed record GetResidentHouseholds(string ResidentId) : IQuery<IReadOnlyList<ResidentHousehold>>;

internal sealed class GetResidentHouseholdsHandler(ProjectionEngine projections) : IQueryHandler<GetResidentHouseholds, IReadOnlyList<ResidentHousehold>>
{
    public async ValueTask<IReadOnlyList<ResidentHousehold>> Handle(GetResidentHouseholds query, CancellationToken cancellationToken) =>
        await projections.ReadAsync(board => Of(board, query.ResidentId), cancellationToken).ConfigureAwait(false);

    /// <summary>The households <paramref name="residentId"/> is a current member of on <paramref name="board"/>, with their relation.</summary>
    internal static IReadOnlyList<ResidentHousehold> Of(CaseBoard board, string residentId) =>
        [.. board.Households.OfMember(residentId).Select(h => new ResidentHousehold(
            h.Household.Id,
            h.Household.Members.First(m => m.ResidentId == residentId).Relation))];
}
