using System.Text.Json;

namespace Affairs.Workflows.Timers;

/// <summary>A timer that has come due, and what firing it sends.</summary>
/// <param name="Key">Unique per timer (case, stay in the step, what it fires): the idempotency key of the command it sends.</param>
/// <param name="Kind">What it does.</param>
/// <param name="CaseId">The case it acts on, or (for a yearly opening) the case it opens.</param>
/// <param name="DueAt">When it came due.</param>
/// <param name="Trigger">The trigger to fire, for state and death timers.</param>
/// <param name="Reason">The reason recorded with the trigger.</param>
/// <param name="Data">Data set with the trigger, or the new case's initial data.</param>
/// <param name="SubjectId">The subject of the case to open, for a yearly opening.</param>
/// <param name="AffairTypeId">The affair type of the case to open, for a yearly opening.</param>
public sealed record DueTimer(
    string Key,
    TimerKind Kind,
    string CaseId,
    DateTimeOffset DueAt,
    string? Trigger = null,
    string? Reason = null,
    IReadOnlyDictionary<string, JsonElement>? Data = null,
    string? SubjectId = null,
    string? AffairTypeId = null);
