using Affairs.Domain.Households;
using Affairs.Domain.Households.Events;

namespace Affairs.Workflows.Projections;

/// <summary>
/// The households as the <see cref="CaseBoard"/> sees them: each folded with <see cref="HouseholdFold"/>, indexed by
/// member and by grid, in the order they were registered, so a resident's households and a grid's list are looked up
/// rather than found by reading every household stream. Mutated only through the board, under the engine's gate.
/// </summary>
public sealed class HouseholdIndex
{
    private readonly Dictionary<string, HouseholdEntry> _households = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HouseholdEntry>> _byMember = new(StringComparer.Ordinal);
    private readonly List<HouseholdEntry> _byPosition = [];

    /// <summary>Every household in the order its registration was recorded in the log.</summary>
    public IReadOnlyList<HouseholdEntry> InLogOrder => _byPosition;

    /// <summary>One household, or null.</summary>
    public HouseholdEntry? Find(string householdId) => _households.GetValueOrDefault(householdId);

    /// <summary>The households <paramref name="residentId"/> is a current member of, oldest first.</summary>
    public IReadOnlyList<HouseholdEntry> OfMember(string residentId) => _byMember.TryGetValue(residentId, out var list) ? list : [];

    /// <summary>Applies one household event.</summary>
    internal void Apply(object @event, long revision, long position)
    {
        if (@event is HouseholdRegistered registered)
        {
            var entry = new HouseholdEntry(HouseholdFold.Apply(Household.None, registered)) { Revision = revision, RegisteredPosition = position };
            _households[registered.HouseholdId] = entry;
            _byPosition.Add(entry);
            Index(entry);
            return;
        }

        var id = @event switch
        {
            HouseholdMemberAdded e => e.HouseholdId,
            HouseholdMemberRemoved e => e.HouseholdId,
            HouseholdHeadChanged e => e.HouseholdId,
            _ => null,
        };
        if (id is null || !_households.TryGetValue(id, out var household))
        {
            return;
        }

        Unindex(household);
        household.Household = HouseholdFold.Apply(household.Household, @event);
        household.Revision = revision;
        Index(household);
    }

    private void Index(HouseholdEntry entry)
    {
        foreach (var member in entry.Household.Members)
        {
            if (!_byMember.TryGetValue(member.ResidentId, out var list))
            {
                _byMember[member.ResidentId] = list = [];
            }

            var at = list.FindIndex(h => h.RegisteredPosition > entry.RegisteredPosition);
            list.Insert(at < 0 ? list.Count : at, entry);
        }
    }

    private void Unindex(HouseholdEntry entry)
    {
        foreach (var member in entry.Household.Members)
        {
            if (_byMember.TryGetValue(member.ResidentId, out var list))
            {
                list.Remove(entry);
            }
        }
    }
}
