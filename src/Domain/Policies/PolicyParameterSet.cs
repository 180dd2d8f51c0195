using System.Text.Json;

namespace Affairs.Domain.Policies;

/// <summary>
/// One version of a set of policy parameters (the local dibao line per person per month, premium subsidies, …)
/// for one jurisdiction, in force from a date. Versions are immutable; a new rate is a new version with its own
/// effective date, so a decision can always be explained by the set in force on its date.
/// </summary>
public sealed record PolicyParameterSet
{
    /// <summary>The jurisdiction the set applies to (<c>jinghu</c>): lower-case words joined by dashes.</summary>
    public string Id { get; init; } = "";

    /// <summary>The version, from 1, increasing with every publication.</summary>
    public int Version { get; init; }

    /// <summary>The first day (in the centre's time zone) on which this version is in force.</summary>
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>The values by parameter name: numbers, text, booleans, or dates as ISO strings.</summary>
    public IReadOnlyDictionary<string, JsonElement> Values { get; init; } = new Dictionary<string, JsonElement>();
}
