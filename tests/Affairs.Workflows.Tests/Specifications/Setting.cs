using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>Where a specification plays: its case, the case's subject, its affair type and the decision time.</summary>
public sealed record Setting(string CaseId, string SubjectId, CompiledAffairType Type, DateTimeOffset Now)
{
    /// <summary>The handler of <paramref name="state"/> read from the raw definition, as events record it; null for a terminal state.</summary>
    public string? HandlerOf(string state) => Type.Definition.States.Single(s => s.Name == state) switch
    {
        { IsTerminal: true } => null,
        { Handler: "supervisor" } => "supervisor",
        { Handler: "grid" } => "grid:g-01",
        var s => "post:" + s.Handler,
    };

    public ClockDefinition Clock(string name) => Type.Definition.Clocks.Single(c => c.Name == name);

    public static Dictionary<string, JsonElement> Json(IReadOnlyDictionary<string, object>? values) =>
        values?.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)) ?? [];
}
