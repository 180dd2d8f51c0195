using System.Text.Json.Serialization;

namespace Affairs.Domain.AffairTypes;

/// <summary>
/// A way out of one or more states on a trigger. An internal transition (<see cref="Internal"/>) records something,
/// such as a home visit, and stays in the state.
/// </summary>
public sealed record TransitionDefinition
{
    /// <summary>The states it leaves from; JSON accepts one name or a list.</summary>
    [JsonConverter(typeof(OneOrManyConverter))]
    public IReadOnlyList<string> From { get; init; } = [];

    /// <summary>The trigger's name (<c>accept</c>).</summary>
    public string Trigger { get; init; } = "";

    /// <summary>The destination; absent for an internal transition.</summary>
    public string? To { get; init; }

    /// <summary>Stays in the state; entry and exit do not happen and the step's clock keeps running.</summary>
    public bool Internal { get; init; }

    /// <summary>An optional guard expression; see <see cref="Guards.GuardExpression"/> for the language.</summary>
    public string? Guard { get; init; }

    /// <summary>The roles that may fire it.</summary>
    public IReadOnlyList<CaseRole> Roles { get; init; } = [];

    /// <summary>The actor must give a reason; always so for a transition into a rejected outcome.</summary>
    public bool RequiresReason { get; init; }

    /// <summary>
    /// It may be fired once per case (a one-time notice of missing items): a second time is refused with
    /// <c>already-fired</c>, whatever the data.
    /// </summary>
    public bool Once { get; init; }

    /// <summary>The data fields the actor may set when firing it.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>
    /// Data fields it empties when it is taken (a follow-up's note, so that the next follow-up needs its own); recorded
    /// in the event as fields set to null, so a replay reads them from the log. Absent when it clears nothing.
    /// </summary>
    public IReadOnlyList<string>? Clears { get; init; }
}
