using System.Collections.Immutable;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Households.Events;
using Affairs.Domain.Residents.Events;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Projections;

/// <summary>
/// The read model behind queues, deadlines, timers and statistics: every case folded with <see cref="CaseFold"/>, plus
/// the facts of its current step and its figures, the residents reported dead, and the households with their members and
/// grid (<see cref="Households"/>). Responsibility is not stored: it is
/// recomputed from the organisation as of the moment of each query, so an absence registered late counts from its start.
/// Immutable: the <see cref="ProjectionEngine"/> changes a builder and publishes a new board, which shares everything
/// the change did not touch, so a reader keeps a consistent board for as long as it reads and never waits for the
/// projection.
/// </summary>
public sealed class CaseBoard
{
    private readonly ImmutableDictionary<string, CaseEntry> _cases;
    private readonly ImmutableDictionary<string, ImmutableList<CaseEntry>> _bySubject;
    private readonly ImmutableDictionary<string, DateOnly> _deaths;
    private readonly ImmutableList<CaseEntry> _byPosition;

    private CaseBoard(
        ImmutableDictionary<string, CaseEntry> cases,
        ImmutableDictionary<string, ImmutableList<CaseEntry>> bySubject,
        ImmutableDictionary<string, DateOnly> deaths,
        ImmutableList<CaseEntry> byPosition,
        HouseholdIndex households,
        ResidentIndex residents,
        long checkpoint)
    {
        _cases = cases;
        _bySubject = bySubject;
        _deaths = deaths;
        _byPosition = byPosition;
        Households = households;
        Residents = residents;
        Checkpoint = checkpoint;
    }

    /// <summary>A board with nothing on it, at position 0.</summary>
    public static CaseBoard Empty { get; } = new(
        ImmutableDictionary.Create<string, CaseEntry>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableList<CaseEntry>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, DateOnly>(StringComparer.Ordinal),
        [],
        HouseholdIndex.Empty,
        ResidentIndex.Empty,
        0);

    /// <summary>The log position of the last event this board has applied.</summary>
    public long Checkpoint { get; }

    /// <summary>Every case, open and closed.</summary>
    public IReadOnlyCollection<CaseEntry> Cases => _byPosition;

    /// <summary>Residents reported dead, with the date of death.</summary>
    public IReadOnlyDictionary<string, DateOnly> Deaths => _deaths;

    /// <summary>The cases whose current step is open (not closed).</summary>
    public IEnumerable<CaseEntry> Open => _byPosition.Where(c => !c.State.IsClosed);

    /// <summary>Every case in the order its opening was recorded in the log (by <see cref="CaseEntry.OpenedPosition"/>).</summary>
    public IReadOnlyList<CaseEntry> InLogOrder => _byPosition;

    /// <summary>The households, their members and grids.</summary>
    public HouseholdIndex Households { get; }

    /// <summary>The residents, by id and in the order they were registered, with their names (to find them by name).</summary>
    public ResidentIndex Residents { get; }

    /// <summary>One case, or null.</summary>
    public CaseEntry? Find(string caseId) => _cases.GetValueOrDefault(caseId);

    /// <summary>The cases of one resident or household, oldest first.</summary>
    public IReadOnlyList<CaseEntry> OfSubject(string subjectId) => _bySubject.TryGetValue(subjectId, out var list) ? list : [];

    /// <summary>Whether the board reads events of this type (others are skipped without decoding).</summary>
    public static bool Reads(string eventType) =>
        eventType.StartsWith("case.", StringComparison.Ordinal)
        || eventType.StartsWith("household.", StringComparison.Ordinal)
        || eventType is "resident.registered.v1" or "resident.moved-out.v1" or "resident.died.v1";

    internal Builder ToBuilder(DeadlineCalculator deadlines) =>
        new(deadlines, _cases.ToBuilder(), _bySubject.ToBuilder(), _deaths.ToBuilder(), _byPosition.ToBuilder(), Households.ToBuilder(), Residents.ToBuilder());

    /// <summary>
    /// The board as the projection changes it. Each change copies only what it touches of the last published board;
    /// <see cref="PeekChanges"/> names what changed since the last <see cref="TakeChanges"/>,
    /// which is what a batch writes to storage.
    /// </summary>
    internal sealed class Builder(
        DeadlineCalculator deadlines,
        ImmutableDictionary<string, CaseEntry>.Builder cases,
        ImmutableDictionary<string, ImmutableList<CaseEntry>>.Builder bySubject,
        ImmutableDictionary<string, DateOnly>.Builder deaths,
        ImmutableList<CaseEntry>.Builder byPosition,
        HouseholdIndex.Builder households,
        ResidentIndex.Builder residents)
    {
        private HashSet<string> _changedCases = new(StringComparer.Ordinal);
        private HashSet<string> _changedDeaths = new(StringComparer.Ordinal);

        public HouseholdIndex.Builder Households => households;

        public ResidentIndex.Builder Residents => residents;

        public IEnumerable<CaseEntry> Cases => byPosition;

        public IReadOnlyDictionary<string, DateOnly> Deaths => deaths;

        /// <summary>The board as it stands, at <paramref name="checkpoint"/>; the builder goes on from it.</summary>
        public CaseBoard ToImmutable(long checkpoint) =>
            new(cases.ToImmutable(), bySubject.ToImmutable(), deaths.ToImmutable(), byPosition.ToImmutable(), households.ToImmutable(), residents.ToImmutable(), checkpoint);

        /// <summary>What changed since the last <see cref="TakeChanges"/>: case ids, residents reported dead, household ids, resident ids.</summary>
        public BoardChanges PeekChanges() => new(_changedCases, _changedDeaths, households.Changed, residents.Changed);

        /// <summary>Forgets the changes (once they are stored).</summary>
        public void TakeChanges()
        {
            _changedCases = new(StringComparer.Ordinal);
            _changedDeaths = new(StringComparer.Ordinal);
            households.Changed.Clear();
            residents.Changed.Clear();
        }

        /// <summary>Applies one decoded event.</summary>
        public void Apply(DecodedEvent decoded)
        {
            switch (decoded.Event)
            {
                case ResidentDied died:
                    RestoreDeath(died.ResidentId, died.DateOfDeath);
                    residents.Apply(died, decoded.Recorded.Position);
                    return;
                case ResidentRegistered or ResidentMovedOut:
                    residents.Apply(decoded.Event, decoded.Recorded.Position);
                    return;
                case CaseOpened opened:
                    Restore(new CaseEntry(CaseFold.Apply(CaseState.None, opened))
                    {
                        Revision = decoded.Recorded.Revision,
                        StepRevision = decoded.Recorded.Revision,
                        OpenedPosition = decoded.Recorded.Position,
                    });
                    return;
                case HouseholdRegistered or HouseholdMemberAdded or HouseholdMemberRemoved or HouseholdHeadChanged:
                    households.Apply(decoded.Event, decoded.Recorded.Revision, decoded.Recorded.Position);
                    return;
            }

            var stream = decoded.Recorded.Stream;
            if (stream.Category != "case" || !cases.TryGetValue(stream.Value[(stream.Category.Length + 1)..], out var entry))
            {
                return;
            }

            var next = Before(entry, decoded.Event, decoded.Recorded.Revision);
            next = next with { State = CaseFold.Apply(entry.State, decoded.Event), Revision = decoded.Recorded.Revision };
            if (decoded.Event is CaseTransitioned { Outcome: not null } && next.State.ClosedAt is { } closed)
            {
                next = Closed(next, closed);
            }

            Replace(entry, next);
        }

        /// <summary>Records a death (as read back from storage or reported).</summary>
        public void RestoreDeath(string residentId, DateOnly dateOfDeath)
        {
            deaths[residentId] = dateOfDeath;
            _changedDeaths.Add(residentId);
        }

        /// <summary>Adds a case opened later than every one before it (as read back from storage or opened).</summary>
        public void Restore(CaseEntry entry)
        {
            cases[entry.State.CaseId] = entry;
            byPosition.Add(entry);
            bySubject[entry.State.SubjectId] = (bySubject.GetValueOrDefault(entry.State.SubjectId) ?? []).Add(entry);
            _changedCases.Add(entry.State.CaseId);
        }

        private void Replace(CaseEntry entry, CaseEntry next)
        {
            cases[next.State.CaseId] = next;
            // Both lists keep cases in the order they were opened, so the case is found by its opening position with the
            // lists' own search, one descent of the tree (an index into an immutable list is a descent of its own, so a
            // search by index costs one per probe). With a scan, every event of a case cost a pass over all its subject's
            // cases.
            byPosition[At(byPosition.BinarySearch(entry, OpenedOrder.Instance), byPosition, entry)] = next;
            var subject = bySubject[next.State.SubjectId];
            bySubject[next.State.SubjectId] = subject.SetItem(At(subject.BinarySearch(entry, OpenedOrder.Instance), subject, entry), next);
            _changedCases.Add(next.State.CaseId);
        }

        /// <summary>Where <paramref name="entry"/> is: the search's answer when it found this very entry, else by a scan.</summary>
        private static int At(int found, IReadOnlyList<CaseEntry> inOrder, CaseEntry entry)
        {
            if (found >= 0 && ReferenceEquals(inOrder[found], entry))
            {
                return found;
            }

            for (var i = 0; i < inOrder.Count; i++)
            {
                if (ReferenceEquals(inOrder[i], entry))
                {
                    return i;
                }
            }

            return -1;
        }

        private CaseEntry Before(CaseEntry entry, object @event, long revision) => @event switch
        {
            CaseTransitioned { Internal: true } t => Acted(entry, t.ActorId, t.ActingRole, t.DecisionTime),
            CaseTransitioned t => StepEnded(entry, t) with { StepRevision = revision, Escalations = [], Acts = [] },
            CaseEscalated e => entry with { Escalations = entry.Escalations.Add(e) },
            CaseDataAmended e => Acted(entry, e.ActorId, e.ActingRole, e.At),
            CaseMaterialAttached e => Acted(entry, e.ActorId, e.ActingRole, e.At),
            CaseNoteAdded e => Acted(entry, e.ActorId, e.ActingRole, e.At),
            _ => entry,
        };

        private static CaseEntry Acted(CaseEntry entry, string actorId, ActingRole role, DateTimeOffset at) =>
            role is ActingRole.A or ActingRole.B or ActingRole.Supervisor ? entry with { Acts = entry.Acts.Add(new StepAct(actorId, role, at)) } : entry;

        private CaseEntry StepEnded(CaseEntry entry, CaseTransitioned transition)
        {
            if (transition.ActingRole is not (ActingRole.A or ActingRole.B or ActingRole.Supervisor))
            {
                return entry;
            }

            var overdue = deadlines.StepDeadline(entry.State) is { } due && transition.DecisionTime > due;
            return entry with
            {
                Steps = entry.Steps + 1,
                StepsByB = entry.StepsByB + (transition.ActingRole == ActingRole.B ? 1 : 0),
                StepsOverdue = entry.StepsOverdue + (overdue ? 1 : 0),
            };
        }

        private CaseEntry Closed(CaseEntry entry, DateTimeOffset closedAt) => entry with
        {
            WorkingDaysToClose = deadlines.Calendar.WorkingDaysBetween(entry.State.OpenedAt, closedAt),
            ClosedLate = entry.State.Clocks.Values.Any(c => (c.StoppedAt ?? closedAt) > deadlines.ClockDeadline(c)),
        };
    }

    /// <summary>Cases in the order they were opened: by the log position of their opening.</summary>
    private sealed class OpenedOrder : IComparer<CaseEntry>
    {
        public static readonly OpenedOrder Instance = new();

        public int Compare(CaseEntry? x, CaseEntry? y) => (x?.OpenedPosition ?? long.MinValue).CompareTo(y?.OpenedPosition ?? long.MinValue);
    }
}
