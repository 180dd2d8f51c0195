using System.Text.Json;
using Affairs.Domain.Cases;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Deadlines;

namespace Affairs.Workflows.Cases;

/// <summary>A case's whole state at one moment: what it is, its data, who was responsible and what could be done.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Revision">The revision this view is at (the ETag).</param>
/// <param name="AsOf">The moment the view describes (the last event's time, or the time asked for).</param>
/// <param name="AffairTypeId">The affair type.</param>
/// <param name="DefinitionVersion">The version the case is pinned to.</param>
/// <param name="SubjectKind">person or household.</param>
/// <param name="SubjectId">The subject.</param>
/// <param name="Channel">How it came in.</param>
/// <param name="State">The state.</param>
/// <param name="Outcome">The outcome once closed.</param>
/// <param name="Handler">The current step's handler.</param>
/// <param name="Data">The data by field name.</param>
/// <param name="Materials">The documents received.</param>
/// <param name="Clocks">The statutory clocks.</param>
/// <param name="Responsible">Who was responsible for the step at that moment.</param>
/// <param name="PermittedTriggers">What the responsible person could fire at that moment.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="Deadlines">Its step and statutory deadlines at that moment, counted with the calendar in force, each marked provisional where it relied on a year not yet published.</param>
public sealed record CaseView(
    string CaseId,
    long Revision,
    DateTimeOffset AsOf,
    string AffairTypeId,
    int DefinitionVersion,
    string SubjectKind,
    string SubjectId,
    string Channel,
    string State,
    string? Outcome,
    string Handler,
    IReadOnlyDictionary<string, JsonElement> Data,
    IReadOnlyList<AttachedMaterial> Materials,
    IReadOnlyList<CaseClock> Clocks,
    Responsibility? Responsible,
    IReadOnlyList<TriggerAnswer> PermittedTriggers,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    CaseDeadlines Deadlines);
