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
/// Mutated only by the <see cref="ProjectionEngine"/>, under its gate.
/// </summary>
public sealed class CaseBoard(DeadlineCalculator deadlines)
{
    private readonly Dictionary<string, CaseEntry> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CaseEntry>> _bySubject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> _deaths = new(StringComparer.Ordinal);
    private readonly List<CaseEntry> _byPosition = [];

    /// <summary>Every case, open and closed.</summary>
    public IReadOnlyCollection<CaseEntry> Cases => _cases.Values;

    /// <summary>Residents reported dead, with the date of death.</summary>
    public IReadOnlyDictionary<string, DateOnly> Deaths => _deaths;

    /// <summary>The cases whose current step is open (not closed).</summary>
    public IEnumerable<CaseEntry> Open => _cases.Values.Where(c => !c.State.IsClosed);

    /// <summary>Every case in the order its opening was recorded in the log (by <see cref="CaseEntry.OpenedPosition"/>).</summary>
    public IReadOnlyList<CaseEntry> InLogOrder => _byPosition;

    /// <summary>The households, their members and grids.</summary>
    public HouseholdIndex Households { get; } = new();

    /// <summary>One case, or null.</summary>
    public CaseEntry? Find(string caseId) => _cases.GetValueOrDefault(caseId);

    /// <summary>The cases of one resident or household, oldest first.</summary>
    public IReadOnlyList<CaseEntry> OfSubject(string subjectId) => _bySubject.TryGetValue(subjectId, out var list) ? list : [];

    /// <summary>Whether the board reads events of this type (others are skipped without decoding).</summary>
    public static bool Reads(string eventType) =>
        eventType.StartsWith("case.", StringComparison.Ordinal)
        || eventType.StartsWith("household.", StringComparison.Ordinal)
        || eventType == "resident.died.v1";

    /// <summary>Applies one decoded event.</summary>
    public void Apply(DecodedEvent decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        switch (decoded.Event)
        {
            case ResidentDied died:
                _deaths[died.ResidentId] = died.DateOfDeath;
                return;
            case CaseOpened opened:
                Opened(opened, decoded.Recorded.Revision, decoded.Recorded.Position);
                return;
            case HouseholdRegistered or HouseholdMemberAdded or HouseholdMemberRemoved or HouseholdHeadChanged:
                Households.Apply(decoded.Event, decoded.Recorded.Revision, decoded.Recorded.Position);
                return;
        }

        var stream = decoded.Recorded.Stream;
        if (stream.Category != "case" || !_cases.TryGetValue(stream.Value[(stream.Category.Length + 1)..], out var entry))
        {
            return;
        }

        Before(entry, decoded.Event, decoded.Recorded.Revision);
        entry.State = CaseFold.Apply(entry.State, decoded.Event);
        entry.Revision = decoded.Recorded.Revision;
        if (decoded.Event is CaseTransitioned { Outcome: not null } && entry.State.ClosedAt is { } closed)
        {
            Closed(entry, closed);
        }
    }

    private void Opened(CaseOpened opened, long revision, long position)
    {
        var entry = new CaseEntry(CaseFold.Apply(CaseState.None, opened)) { Revision = revision, StepRevision = revision, OpenedPosition = position };
        _cases[opened.CaseId] = entry;
        _byPosition.Add(entry);
        if (!_bySubject.TryGetValue(opened.SubjectId, out var list))
        {
            _bySubject[opened.SubjectId] = list = [];
        }

        list.Add(entry);
    }

    private void Before(CaseEntry entry, object @event, long revision)
    {
        switch (@event)
        {
            case CaseTransitioned { Internal: true } t:
                Acted(entry, t.ActorId, t.ActingRole, t.DecisionTime);
                break;
            case CaseTransitioned t:
                StepEnded(entry, t);
                entry.StepRevision = revision;
                entry.Escalations.Clear();
                entry.Acts.Clear();
                break;
            case CaseEscalated e:
                entry.Escalations.Add(e);
                break;
            case CaseDataAmended e:
                Acted(entry, e.ActorId, e.ActingRole, e.At);
                break;
            case CaseMaterialAttached e:
                Acted(entry, e.ActorId, e.ActingRole, e.At);
                break;
            case CaseNoteAdded e:
                Acted(entry, e.ActorId, e.ActingRole, e.At);
                break;
        }
    }

    private static void Acted(CaseEntry entry, string actorId, ActingRole role, DateTimeOffset at)
    {
        if (role is ActingRole.A or ActingRole.B or ActingRole.Supervisor)
        {
            entry.Acts.Add(new StepAct(actorId, role, at));
        }
    }

    private void StepEnded(CaseEntry entry, CaseTransitioned transition)
    {
        if (transition.ActingRole is not (ActingRole.A or ActingRole.B or ActingRole.Supervisor))
        {
            return;
        }

        entry.Steps++;
        if (transition.ActingRole == ActingRole.B)
        {
            entry.StepsByB++;
        }

        if (deadlines.StepDeadline(entry.State) is { } due && transition.DecisionTime > due)
        {
            entry.StepsOverdue++;
        }
    }

    private void Closed(CaseEntry entry, DateTimeOffset closedAt)
    {
        entry.WorkingDaysToClose = deadlines.Calendar.WorkingDaysBetween(entry.State.OpenedAt, closedAt);
        entry.ClosedLate = entry.State.Clocks.Values.Any(c => (c.StoppedAt ?? closedAt) > deadlines.ClockDeadline(c));
    }
}
