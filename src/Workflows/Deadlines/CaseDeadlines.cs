namespace Affairs.Workflows.Deadlines;

/// <summary>The deadlines of one case: its current step's and its statutory clocks'.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="State">The current state.</param>
/// <param name="StepStartedAt">When the case entered it.</param>
/// <param name="StepDeadline">When the step's time limit runs out; null for a step without one or a closed case.</param>
/// <param name="StepOverdue">Whether the step is past its deadline.</param>
/// <param name="Clocks">The statutory clocks.</param>
/// <param name="AsOf">The moment the flags were computed for.</param>
/// <param name="StepDeadlineProvisional">Whether the step's deadline was counted across a year whose calendar is not published.</param>
/// <param name="Provisional">Whether any deadline here is provisional (the step's or a clock's).</param>
public sealed record CaseDeadlines(
    string CaseId,
    string State,
    DateTimeOffset StepStartedAt,
    DateTimeOffset? StepDeadline,
    bool StepOverdue,
    IReadOnlyList<ClockDeadline> Clocks,
    DateTimeOffset AsOf,
    bool StepDeadlineProvisional,
    bool Provisional);
