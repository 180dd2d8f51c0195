using Affairs.Domain.Households.Events;

namespace Affairs.Domain.Households;

/// <summary>Folds household events into a <see cref="Household"/>.</summary>
public static class HouseholdFold
{
    /// <summary>The state after <paramref name="event"/>.</summary>
    public static Household Apply(Household state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            HouseholdRegistered e => new Household(e.HouseholdId, e.HeadResidentId, [new HouseholdMember(e.HeadResidentId, "head")], e.Address, e.GridId),
            HouseholdMemberAdded e => state with { Members = [.. state.Members, new HouseholdMember(e.ResidentId, e.Relation)] },
            HouseholdMemberRemoved e => state with { Members = [.. state.Members.Where(m => m.ResidentId != e.ResidentId)] },
            HouseholdHeadChanged e => state with
            {
                HeadResidentId = e.HeadResidentId,
                Members = [.. state.Members.Select(m => m.ResidentId == e.HeadResidentId ? m with { Relation = "head" } : m.ResidentId == state.HeadResidentId ? m with { Relation = "member" } : m)],
            },
            _ => state,
        };
    }
}
