using System.Collections.Immutable;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;

namespace Affairs.Workflows.Projections;

/// <summary>
/// One case on the <see cref="CaseBoard"/>: its folded state (the same fold the commands use), where its current step
/// began, what was recorded on that step, and the figures statistics need once it closes. Immutable: an event makes a
/// new entry, so a published board never changes under a reader.
/// </summary>
public sealed record CaseEntry
{
    internal CaseEntry(CaseState state) => State = state;

    /// <summary>The case as folded from its stream.</summary>
    public CaseState State { get; internal init; }

    /// <summary>The stream revision of the last event applied.</summary>
    public long Revision { get; internal init; }

    /// <summary>The global log position of the event that opened the case: the order in which cases are listed.</summary>
    public long OpenedPosition { get; internal init; }

    /// <summary>The stream revision at which the current step began: it tells one stay in a state from the next.</summary>
    public long StepRevision { get; internal init; }

    /// <summary>The takeovers recorded on the current step.</summary>
    public IReadOnlyList<CaseEscalated> StepEscalations => Escalations;

    /// <summary>What staff recorded on the current step.</summary>
    public IReadOnlyList<StepAct> StepActs => Acts;

    /// <summary>Steps ended by staff (A, B or supervisor).</summary>
    public int Steps { get; internal init; }

    /// <summary>Steps ended by B.</summary>
    public int StepsByB { get; internal init; }

    /// <summary>Steps ended after their time limit.</summary>
    public int StepsOverdue { get; internal init; }

    /// <summary>Working days from opening to closing, once closed.</summary>
    public int? WorkingDaysToClose { get; internal init; }

    /// <summary>Whether the case closed after a statutory deadline.</summary>
    public bool ClosedLate { get; internal init; }

    internal ImmutableList<CaseEscalated> Escalations { get; init; } = [];

    internal ImmutableList<StepAct> Acts { get; init; } = [];
}
