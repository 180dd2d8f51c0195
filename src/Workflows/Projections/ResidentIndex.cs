using System.Collections.Immutable;
using Affairs.Domain.Residents;
using Affairs.Domain.Residents.Events;

namespace Affairs.Workflows.Projections;

/// <summary>
/// The residents as the <see cref="CaseBoard"/> sees them, by id and in the order they were registered, so a resident
/// can be found by name without reading every resident stream. Immutable: the projection changes a
/// <see cref="Builder"/> and publishes a new index with each board.
/// </summary>
public sealed class ResidentIndex
{
    private readonly ImmutableDictionary<string, ResidentEntry> _residents;
    private readonly ImmutableList<ResidentEntry> _byPosition;

    private ResidentIndex(ImmutableDictionary<string, ResidentEntry> residents, ImmutableList<ResidentEntry> byPosition)
    {
        _residents = residents;
        _byPosition = byPosition;
    }

    /// <summary>No residents.</summary>
    public static ResidentIndex Empty { get; } = new(ImmutableDictionary.Create<string, ResidentEntry>(StringComparer.Ordinal), []);

    /// <summary>Every resident in the order their registration was recorded in the log.</summary>
    public IReadOnlyList<ResidentEntry> InLogOrder => _byPosition;

    /// <summary>One resident, or null.</summary>
    public ResidentEntry? Find(string residentId) => _residents.GetValueOrDefault(residentId);

    internal Builder ToBuilder() => new(_residents.ToBuilder(), _byPosition.ToBuilder());

    /// <summary>The index as the projection changes it: every change copies only the paths it touches.</summary>
    internal sealed class Builder(ImmutableDictionary<string, ResidentEntry>.Builder residents, ImmutableList<ResidentEntry>.Builder byPosition)
    {
        public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);

        public ResidentIndex ToImmutable() => new(residents.ToImmutable(), byPosition.ToImmutable());

        /// <summary>Applies one resident event.</summary>
        public void Apply(object @event, long position)
        {
            switch (@event)
            {
                case ResidentRegistered registered:
                    Restore(new ResidentEntry(registered.ResidentId, registered.Name, ResidentStatus.Active, position));
                    return;
                case ResidentMovedOut moved:
                    Mark(moved.ResidentId, ResidentStatus.MovedOut);
                    return;
                case ResidentDied died:
                    Mark(died.ResidentId, ResidentStatus.Deceased);
                    return;
            }
        }

        /// <summary>Adds a resident registered later than every one before it (as read back from storage or registered).</summary>
        public void Restore(ResidentEntry entry)
        {
            residents[entry.ResidentId] = entry;
            byPosition.Add(entry);
            Changed.Add(entry.ResidentId);
        }

        private void Mark(string residentId, ResidentStatus status)
        {
            if (!residents.TryGetValue(residentId, out var entry))
            {
                return;
            }

            var next = entry with { Status = status };
            residents[residentId] = next;
            byPosition[PageCursor.FirstAfter(byPosition, r => r.RegisteredPosition, next.RegisteredPosition - 1)] = next;
            Changed.Add(residentId);
        }
    }
}
