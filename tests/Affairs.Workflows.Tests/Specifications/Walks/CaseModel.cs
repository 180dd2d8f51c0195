using System.Globalization;
using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Cases;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>The oracle's own picture of one case, kept from what the oracle expected each command to record.</summary>
public sealed class CaseModel
{
    public required string CaseId { get; set; }

    public required string State { get; set; }

    public required string Handler { get; set; }

    public long Revision { get; set; }

    public bool Closed { get; set; }

    public Dictionary<string, FieldValue> Data { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Materials { get; } = new(StringComparer.Ordinal);

    /// <summary>Clocks that have started, with whether they still run and how often they were extended.</summary>
    public Dictionary<string, (bool Running, int Extensions)> Clocks { get; } = new(StringComparer.Ordinal);

    public required StepFacts Step { get; set; }

    /// <summary>The triggers fired on the case so far (a transition marked <c>once</c> is refused the second time).</summary>
    public HashSet<string> Fired { get; } = new(StringComparer.Ordinal);

    /// <summary>The model of a case as the store holds it: used to carry on after a divergence has been reported.</summary>
    public static CaseModel From(CaseState state, long revision, AffairTypeDefinition definition)
    {
        var model = new CaseModel { CaseId = state.CaseId, State = state.State, Handler = state.Handler, Revision = revision, Closed = state.IsClosed, Step = state.Step };
        foreach (var (name, value) in Read(state.Data, definition))
        {
            model.Data[name] = value;
        }

        model.Materials.UnionWith(state.Materials.Select(m => m.MaterialId));
        model.Fired.UnionWith(state.Fired.Keys);
        foreach (var clock in state.Clocks.Values)
        {
            model.Clocks[clock.Name] = (clock.StoppedAt is null, clock.Extensions);
        }

        return model;
    }

    /// <summary>What the step facts record when someone acts on the step without moving it.</summary>
    public void Acted(ActingRole role, string actorId, DateTimeOffset at) => Step = role switch
    {
        ActingRole.A => Step with { AActedAt = at },
        ActingRole.B => Step with { CoveringBId = actorId },
        _ => Step,
    };

    /// <summary>One line per meaningful part, comparable with <see cref="Describe(CaseState, AffairTypeDefinition)"/>.</summary>
    public string Describe() => Describe(State, Handler, Closed, Data, Materials, Clocks, Step);

    public static string Describe(CaseState state, AffairTypeDefinition definition) => Describe(
        state.State, state.Handler, state.IsClosed, Read(state.Data, definition), state.Materials.Select(m => m.MaterialId),
        state.Clocks.Values.ToDictionary(c => c.Name, c => (c.StoppedAt is null, c.Extensions)), state.Step);

    private static string Describe(string state, string handler, bool closed, IEnumerable<KeyValuePair<string, FieldValue>> data, IEnumerable<string> materials, IReadOnlyDictionary<string, (bool Running, int Extensions)> clocks, StepFacts step) =>
        string.Join("\n",
            $"state {state} handler {handler} closed {closed}",
            $"data {string.Join(", ", data.Where(d => !d.Value.IsNull).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"))}",
            $"materials {string.Join(", ", materials.Distinct().Order(StringComparer.Ordinal))}",
            $"clocks {string.Join(", ", clocks.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} running={c.Value.Running} extended={c.Value.Extensions}"))}",
            string.Create(CultureInfo.InvariantCulture, $"step from {step.StartedAt.UtcDateTime:O} a-acted {step.AActedAt?.UtcDateTime:O} covering {step.CoveringBId} reassigned {step.ReassignedTo}"));

    private static IEnumerable<KeyValuePair<string, FieldValue>> Read(IReadOnlyDictionary<string, JsonElement> data, AffairTypeDefinition definition) =>
        data.Select(d => KeyValuePair.Create(d.Key, definition.Fields.FirstOrDefault(f => f.Name == d.Key) is { Type: { } type } && FieldValue.FromJson(d.Value, type) is { } value
            ? value
            : FieldValue.Text("unreadable " + d.Value.GetRawText())));
}
