using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Guards;
using Stateless;

namespace Affairs.Workflows.AffairTypes;

/// <summary>
/// The Stateless machine of one case for one command. Its state lives in this object through Stateless's external
/// state accessor, so building it touches no storage; its guards are bound to the case data, the actor and roles,
/// the policy parameters and the decision time given to <see cref="CompiledAffairType.CreateMachine"/>, and each is
/// evaluated at most once. Not thread-safe: build one per command.
/// </summary>
public sealed partial class CaseMachine
{
    private readonly CompiledAffairType _type;
    private readonly CaseSituation _situation;
    private readonly FireRequest? _request;
    private readonly GuardContext _context;
    private readonly StateMachine<string, string> _machine;
    private readonly Dictionary<CompiledTransition, (int Stage, IReadOnlyList<TriggerRefusal> Refusals)> _checked = [];
    private string _state;

    internal CaseMachine(
        CompiledAffairType type,
        CaseSituation situation,
        CaseActor actor,
        IReadOnlyDictionary<string, FieldValue> parameters,
        DateTimeOffset decisionTime,
        FireRequest? request)
    {
        _type = type;
        _situation = situation;
        _request = request;
        _context = new GuardContext(WithChanges(situation.Data, request?.Changes), actor, parameters, decisionTime);
        _state = situation.State;
        _machine = new StateMachine<string, string>(() => _state, s => _state = s);
        Configure(_machine, type, t => Refusals(t).Count == 0);
    }

    /// <summary>The machine's current state: the case's state, or the destination after <see cref="Fire"/>.</summary>
    public string State => _state;

    /// <summary>The triggers the actor may fire now (Stateless's <c>CanFire</c>), in definition order.</summary>
    public IReadOnlyList<string> PermittedTriggers => [.. _type.Triggers.Where(_machine.CanFire)];

    /// <summary>
    /// Configures <paramref name="machine"/> with every state and transition of <paramref name="type"/>, each transition
    /// guarded by <paramref name="allows"/> and described by its roles and guard text (which the diagrams show).
    /// </summary>
    internal static void Configure(StateMachine<string, string> machine, CompiledAffairType type, Func<CompiledTransition, bool> allows)
    {
        foreach (var state in type.States)
        {
            var configuration = machine.Configure(state.Name);
            foreach (var t in type.Outgoing(state.Name))
            {
                var description = Describe(t);
                if (t.IsInternal)
                {
                    configuration.InternalTransitionIf(t.Trigger, _ => allows(t), () => { }, description);
                }
                else if (t.To == t.From)
                {
                    configuration.PermitReentryIf(t.Trigger, () => allows(t), description);
                }
                else
                {
                    configuration.PermitIf(t.Trigger, t.To, () => allows(t), description);
                }
            }
        }
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> through Stateless and returns the destination. Nothing is stored: the caller
    /// turns the answer into events.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trigger is not permitted; <see cref="Answer"/> says why.</exception>
    public string Fire(string trigger)
    {
        var answer = Answer(trigger);
        if (!answer.Permitted)
        {
            throw new InvalidOperationException(string.Join(" ", answer.Refusals.Select(r => r.Message)));
        }

        _machine.Fire(trigger);
        return _state;
    }

    /// <summary>Where <paramref name="trigger"/> would lead now, or null when it is not permitted.</summary>
    public string? Destination(string trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return null;
        }

        var before = _state;
        _machine.Fire(trigger);
        var destination = _state;
        _state = before;
        return destination;
    }

    private static string Describe(CompiledTransition t)
    {
        var roles = string.Join("|", t.Definition.Roles.Select(r => r.ToString().ToLowerInvariant()));
        return t.Guard is { } guard ? $"{roles}: {guard.Text}" : roles;
    }

    private static IReadOnlyDictionary<string, FieldValue> WithChanges(IReadOnlyDictionary<string, FieldValue> data, IReadOnlyDictionary<string, FieldValue>? changes)
    {
        if (changes is null || changes.Count == 0)
        {
            return data;
        }

        var merged = new Dictionary<string, FieldValue>(data, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            merged[name] = value;
        }

        return merged;
    }
}
