namespace Affairs.Workflows.Cases;

/// <summary>One case in a list: where it stands and who holds it, without its data, so without personal data.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AffairTypeId">Its affair type.</param>
/// <param name="DefinitionVersion">The affair type version it is pinned to.</param>
/// <param name="State">Its state.</param>
/// <param name="Status">Open or closed.</param>
/// <param name="SubjectKind"><c>person</c> or <c>household</c>.</param>
/// <param name="SubjectId">The resident's pseudonymous id or the household id.</param>
/// <param name="StepHandler">The current step's handler (<c>post:dibao</c>, <c>grid:g-01</c>, <c>supervisor</c>); null once closed.</param>
/// <param name="PostId">The post whose step it is at, when a post handles the step.</param>
/// <param name="ResponsibleId">The member of staff responsible now (A, B or the supervisor); null once closed.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="Outcome">Its outcome, once closed.</param>
/// <param name="Revision">Its stream revision (the ETag of <c>GET /api/cases/{id}</c>).</param>
public sealed record CaseSummary(
    string CaseId,
    string AffairTypeId,
    int DefinitionVersion,
    string State,
    CaseStatus Status,
    string SubjectKind,
    string SubjectId,
    string? StepHandler,
    string? PostId,
    string? ResponsibleId,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    long Revision);
