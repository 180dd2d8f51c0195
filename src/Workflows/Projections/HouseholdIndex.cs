using System.Collections.Immutable;
using Affairs.Domain.Households;
using Affairs.Domain.Households.Events;

namespace Affairs.Workflows.Projections;

/// <summary>
/// The households as the <see cref="CaseBoard"/> sees them: each folded with <see cref="HouseholdFold"/>, indexed by
/// member and by grid, in the order they were registered, so a resident's households and a grid's list are looked up
/// rather than found by reading every household stream. Immutable: the projection changes a <see cref="Builder"/> and
/// publishes a new index with each board.
/// </summary>
public sealed class HouseholdIndex
{
    private readonly ImmutableDictionary<string, HouseholdEntry> _households;
    private readonly ImmutableDictionary<string, ImmutableList<HouseholdEntry>> _byMember;
    private readonly ImmutableList<HouseholdEntry> _byPosition;

    private HouseholdIndex(ImmutableDictionary<string, HouseholdEntry> households, ImmutableDictionary<string, ImmutableList<HouseholdEntry>> byMember, ImmutableList<HouseholdEntry> byPosition)
    {
        _households = households;
        _byMember = byMember;
        _byPosition = byPosition;
    }

    /// <summary>No households.</summary>
    public static HouseholdIndex Empty { get; } = new(
        ImmutableDictionary.Create<string, HouseholdEntry>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableList<HouseholdEntry>>(StringComparer.Ordinal),
        []);

    /// <summary>Every household in the order its registration was recorded in the log.</summary>
    public IReadOnlyList<HouseholdEntry> InLogOrder => _byPosition;

    /// <summary>One household, or null.</summary>
    public HouseholdEntry? Find(string householdId) => _households.GetValueOrDefault(householdId);

    /// <summary>The households <paramref name="residentId"/> is a current member of, oldest first.</summary>
    public IReadOnlyList<HouseholdEntry> OfMember(string residentId) => _byMember.TryGetValue(residentId, out var list) ? list : [];

    internal Builder ToBuilder() => new(_households.ToBuilder(), _byMember.ToBuilder(), _byPosition.ToBuilder());

    /// <summary>The index as the projection changes it: every change copies only the paths it touches.</summary>
    internal sealed class Builder(
        ImmutableDictionary<string, HouseholdEntry>.Builder households,
        ImmutableDictionary<string, ImmutableList<HouseholdEntry>>.Builder byMember,
        ImmutableList<HouseholdEntry>.Builder byPosition)
    {
        public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);

        public IEnumerable<HouseholdEntry> All => byPosition;

        public HouseholdEntry? Find(string householdId) => households.GetValueOrDefault(householdId);

        public HouseholdIndex ToImmutable() => new(households.ToImmutable(), byMember.ToImmutable(), byPosition.ToImmutable());

        /// <summary>Applies one household event.</summary>
        public void Apply(object @event, long revision, long position)
        {
            if (@event is HouseholdRegistered registered)
            {
                Restore(new HouseholdEntry(HouseholdFold.Apply(Household.None, registered)) { Revision = revision, RegisteredPosition = position });
                return;
            }

            var id = @event switch
            {
                HouseholdMemberAdded e => e.HouseholdId,
                HouseholdMemberRemoved e => e.HouseholdId,
                HouseholdHeadChanged e => e.HouseholdId,
                _ => null,
            };
            if (id is null || !households.TryGetValue(id, out var household))
            {
                return;
            }

            Unindex(household);
            var next = household with { Household = HouseholdFold.Apply(household.Household, @event), Revision = revision };
            households[id] = next;
            var at = PageCursor.FirstAfter(byPosition, h => h.RegisteredPosition, next.RegisteredPosition - 1);
            byPosition[at] = next;
            Index(next);
            Changed.Add(id);
        }

        /// <summary>Adds a household registered later than every one before it (as read back from storage or registered).</summary>
        public void Restore(HouseholdEntry entry)
        {
            households[entry.Household.Id] = entry;
            byPosition.Add(entry);
            Index(entry);
            Changed.Add(entry.Household.Id);
        }

        private void Index(HouseholdEntry entry)
        {
            foreach (var member in entry.Household.Members)
            {
                var list = byMember.GetValueOrDefault(member.ResidentId) ?? [];
                var at = list.FindIndex(h => h.RegisteredPosition > entry.RegisteredPosition);
                byMember[member.ResidentId] = list.Insert(at < 0 ? list.Count : at, entry);
            }
        }

        private void Unindex(HouseholdEntry entry)
        {
            foreach (var member in entry.Household.Members)
            {
                if (byMember.TryGetValue(member.ResidentId, out var list))
                {
                    var at = list.FindIndex(h => ReferenceEquals(h, entry));
                    byMember[member.ResidentId] = at < 0 ? list : list.RemoveAt(at);
                }
            }
        }
    }
}
