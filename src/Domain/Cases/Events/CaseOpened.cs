using System.Text.Json;
using Affairs.Domain.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases.Events;

/// <summary>A case was opened, pinned for ever to one version of its affair type.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="AffairTypeId">The affair type (<c>dibao</c>).</param>
/// <param name="DefinitionVersion">The version it runs and replays under.</param>
/// <param name="SubjectKind"><c>person</c> or <c>household</c>.</param>
/// <param name="SubjectId">The resident or household id.</param>
/// <param name="Channel">Where it came in: counter, online or agent.</param>
/// <param name="State">The initial state.</param>
/// <param name="Handler">Who handles that state (post, grid or supervisor), resolved for this subject.</param>
/// <param name="Data">The initial data, by field name.</param>
/// <param name="ActorId">Who opened it.</param>
/// <param name="ActingRole">In which role.</param>
/// <param name="OpenedAt">When.</param>
[EventType("case.opened.v1")]
public sealed record CaseOpened(
    string CaseId,
    string AffairTypeId,
    int DefinitionVersion,
    string SubjectKind,
    string SubjectId,
    string Channel,
    string State,
    string Handler,
    IReadOnlyDictionary<string, JsonElement> Data,
    string ActorId,
    ActingRole ActingRole,
    DateTimeOffset OpenedAt);
