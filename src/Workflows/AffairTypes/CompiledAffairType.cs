using System.Security.Cryptography;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Guards;

namespace Affairs.Workflows.AffairTypes;

/// <summary>
/// One version of an affair type, validated and compiled once: guards parsed and checked, states and transitions
/// indexed. Immutable and safe to share between threads; the catalog caches one per (id, version). Each command
/// builds a cheap <see cref="CaseMachine"/> from it with <see cref="CreateMachine"/>.
/// </summary>
public sealed partial class CompiledAffairType
{
    private readonly Dictionary<string, CompiledState> _states;
    private readonly Dictionary<string, CompiledTransition[]> _outgoing;
    private readonly Lazy<string> _mermaid;
    private readonly Lazy<string> _dot;

    private CompiledAffairType(AffairTypeDefinition definition, byte[] canonicalJson)
    {
        Definition = definition;
        CanonicalJson = canonicalJson;
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(canonicalJson));
        var scope = new GuardScope(definition);
        _states = definition.States.ToDictionary(s => s.Name, s => new CompiledState(
            s,
            [.. definition.Fields.Where(f => f.RequiredFrom == s.Name)],
            [.. definition.Materials.Where(m => m.RequiredFrom == s.Name)
                .Select(m => new RequiredMaterial(m, m.RequiredWhen is { } condition ? GuardExpression.Compile(condition, scope, out _) : null))]), StringComparer.Ordinal);
        Transitions = [.. definition.Transitions.SelectMany((t, i) => Compile(i, t, scope))];
        _outgoing = Transitions.GroupBy(t => t.From).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Triggers = [.. definition.Transitions.Select(t => t.Trigger).Distinct()];
        _fieldRules = definition.Fields.ToDictionary(f => f.Name, FieldRule.For, StringComparer.Ordinal);
        _mermaid = new Lazy<string>(() => AffairTypeDiagrams.Mermaid(this));
        _dot = new Lazy<string>(() => AffairTypeDiagrams.Dot(this));
    }

    /// <summary>The definition this was compiled from.</summary>
    public AffairTypeDefinition Definition { get; }

    /// <summary>The affair type's id.</summary>
    public string Id => Definition.Id;

    /// <summary>The version; cases pinned to it run and replay under exactly this compiled type.</summary>
    public int Version => Definition.Version;

    /// <summary>The definition's canonical JSON.</summary>
    public ReadOnlyMemory<byte> CanonicalJson { get; }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/>, lower-case hex.</summary>
    public string ContentHash { get; }

    /// <summary>The state a new case starts in.</summary>
    public CompiledState InitialState => _states[Definition.InitialState];

    /// <summary>Every state, in definition order.</summary>
    public IEnumerable<CompiledState> States => Definition.States.Select(s => _states[s.Name]);

    /// <summary>Every transition, one per source state, in definition order.</summary>
    public IReadOnlyList<CompiledTransition> Transitions { get; }

    /// <summary>Every trigger the type knows, in definition order.</summary>
    public IReadOnlyList<string> Triggers { get; }

    /// <summary>The statutory clocks.</summary>
    public IReadOnlyList<ClockDefinition> Clocks => Definition.Clocks;

    /// <summary>The policy parameters the guards use.</summary>
    public IReadOnlyList<ParameterDeclaration> Parameters => Definition.Parameters;

    /// <summary>The diagram as Mermaid <c>stateDiagram-v2</c>, rendered by Stateless's <c>MermaidGraph</c>.</summary>
    public string Mermaid => _mermaid.Value;

    /// <summary>The diagram as Graphviz DOT, rendered by Stateless's <c>UmlDotGraph</c>.</summary>
    public string Dot => _dot.Value;

    /// <summary>Validates and compiles <paramref name="definition"/>.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="posts">The post ids a handler may name (besides <c>grid</c> and <c>supervisor</c>).</param>
    /// <exception cref="AffairTypeInvalidException">The definition has problems; all of them are listed.</exception>
    public static CompiledAffairType Compile(AffairTypeDefinition definition, IReadOnlySet<string> posts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = AffairTypeValidator.Validate(definition, posts);
        if (problems.Count > 0)
        {
            throw new AffairTypeInvalidException(definition.Id, problems);
        }

        return new CompiledAffairType(definition, AffairTypeJson.ToUtf8(definition));
    }

    /// <summary>The state named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The type has no such state.</exception>
    public CompiledState State(string name) => _states.TryGetValue(name, out var state)
        ? state
        : throw new KeyNotFoundException($"The affair type '{Id}' v{Version} has no state '{name}'.");

    /// <summary>
    /// Builds the machine for one command over one case. Cheap: it configures a Stateless machine whose state lives
    /// in the machine object (external state accessor) and whose guards read only the values passed here.
    /// </summary>
    /// <param name="situation">The case's current state, data, materials and clock extensions.</param>
    /// <param name="actor">The actor, with the roles the caller has worked out for this case.</param>
    /// <param name="parameters">The policy parameter values in force at <paramref name="decisionTime"/> (see <see cref="BindParameters"/>).</param>
    /// <param name="decisionTime">The decision time, in the centre's time zone; the only clock a guard sees.</param>
    /// <param name="request">The concrete attempt, when there is one: guards then see the data after its changes, and its reason and changes are checked.</param>
    public CaseMachine CreateMachine(
        CaseSituation situation,
        CaseActor actor,
        IReadOnlyDictionary<string, FieldValue> parameters,
        DateTimeOffset decisionTime,
        FireRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(parameters);
        State(situation.State);
        return new CaseMachine(this, situation, actor, parameters, decisionTime, request);
    }

    /// <summary>
    /// The clocks a transition into <paramref name="state"/> starts: those whose <c>startsOn</c> it is. A clock starts
    /// on the first entry only; the caller knows whether the case has been there before.
    /// </summary>
    public IEnumerable<ClockDefinition> ClocksStartedBy(string state) => Clocks.Where(c => c.StartsOn == state);

    /// <summary>The clocks a transition into <paramref name="state"/> stops: those listing it, and all of them at a terminal state.</summary>
    public IEnumerable<ClockDefinition> ClocksStoppedBy(string state) =>
        Clocks.Where(c => c.StopsOn.Contains(state) || (c.StopsOn.Count == 0 && State(state).IsTerminal));

    internal IReadOnlyList<CompiledTransition> Outgoing(string state) =>
        _outgoing.TryGetValue(state, out var transitions) ? transitions : [];

    private IEnumerable<CompiledTransition> Compile(int index, TransitionDefinition transition, GuardScope scope)
    {
        var guard = transition.Guard is { } text ? GuardExpression.Compile(text, scope, out _) : null;
        var extends = Definition.Clocks.FirstOrDefault(c => c.Extension?.Trigger == transition.Trigger);
        return transition.From.Distinct().Select(from => new CompiledTransition(index, from, transition, guard, extends));
    }
}
