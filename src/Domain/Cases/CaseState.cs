using System.Collections.Immutable;
using System.Text.Json;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases;

/// <summary>
/// A case as folded from its <c>case-…</c> stream: where it stands, its data, its clocks and what the responsibility
/// rules need to know about its current step. Immutable; only <see cref="CaseFold"/> makes a new one.
/// </summary>
/// <param name="CaseId">The case id; empty before the case is opened.</param>
/// <param name="AffairTypeId">The affair type.</param>
/// <param name="DefinitionVersion">The pinned version.</param>
/// <param name="SubjectKind"><c>person</c> or <c>household</c>.</param>
/// <param name="SubjectId">The resident or household.</param>
/// <param name="Channel">Counter, online or agent.</param>
/// <param name="State">The current state.</param>
/// <param name="Handler">The current step's handler (<c>post:dibao</c>, <c>grid:g-01</c>, <c>supervisor</c>); empty when closed.</param>
/// <param name="Data">The data, by field name.</param>
/// <param name="Materials">The documents received.</param>
/// <param name="Clocks">The statutory clocks, by name.</param>
/// <param name="Step">What the responsibility rules need about the current step.</param>
/// <param name="Outcome">The outcome once the case is closed.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="ClosedAt">When it reached a terminal state.</param>
public sealed record CaseState(
    string CaseId,
    string AffairTypeId,
    int DefinitionVersion,
    string SubjectKind,
    string SubjectId,
    string Channel,
    string State,
    string Handler,
    ImmutableDictionary<string, JsonElement> Data,
    ImmutableList<AttachedMaterial> Materials,
    ImmutableDictionary<string, CaseClock> Clocks,
    StepFacts Step,
    string? Outcome,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>The state of a case stream with no events.</summary>
    public static CaseState None { get; } = new(
        string.Empty, string.Empty, 0, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
        ImmutableDictionary.Create<string, JsonElement>(StringComparer.Ordinal),
        [],
        ImmutableDictionary.Create<string, CaseClock>(StringComparer.Ordinal),
        new StepFacts(DateTimeOffset.MinValue),
        null,
        DateTimeOffset.MinValue,
        null);

    /// <summary>The triggers fired on the case so far, each with when it was first fired.</summary>
    public ImmutableDictionary<string, DateTimeOffset> Fired { get; init; } = ImmutableDictionary.Create<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>Whether the case has been opened.</summary>
    public bool Exists => CaseId.Length > 0;

    /// <summary>Whether the case has reached a terminal state.</summary>
    public bool IsClosed => ClosedAt is not null;
}
