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
    private readonly HashSet<string> _configured = new(StringComparer.Ordinal);
    private (string State, TriggerAnswer Answer)? _answered;
    private CompiledTransition? _taken;
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
        _machine.OnTransitioned(OnTransitioned);
        ConfigureCurrentState();
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
            Configure(machine, type, state.Name, allows, _ => { });
        }
    }

    /// <summary>Configures one state's outgoing transitions.</summary>
    /// <param name="machine">The machine.</param>
    /// <param name="type">The affair type.</param>
    /// <param name="state">The state to configure.</param>
    /// <param name="allows">The guard of each transition.</param>
    /// <param name="tookInternal">Told which internal transition Stateless took (an internal transition reports no transition event).</param>
    private static void Configure(StateMachine<string, string> machine, CompiledAffairType type, string state, Func<CompiledTransition, bool> allows, Action<CompiledTransition> tookInternal)
    {
        var configuration = machine.Configure(state);
        foreach (var t in type.Outgoing(state))
        {
            if (t.IsInternal)
            {
                configuration.InternalTransitionIf(t.Trigger, _ => allows(t), () => tookInternal(t), t.Description);
            }
            else if (t.To == t.From)
            {
                configuration.PermitReentryIf(t.Trigger, () => allows(t), t.Description);
            }
            else
            {
                configuration.PermitIf(t.Trigger, t.To, () => allows(t), t.Description);
            }
        }
    }

    /// <summary>
    /// A command's machine answers only about the state it stands in (the machine is flat: no substates, no entry or
    /// exit actions), so only that state is configured, and the next one once <see cref="Fire"/> moves there.
    /// </summary>
    private void ConfigureCurrentState()
    {
        if (_configured.Add(_state))
        {
            Configure(_machine, _type, _state, t => Refusals(t).Count == 0, t => _taken = t);
        }
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> through Stateless and returns the transition it took: Stateless picks the one
    /// alternative whose guard holds and reports where it went, and that alternative (its clock, its settable fields,
    /// its outcome) is what the caller records. Nothing is stored: the caller turns the transition into events.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trigger is not permitted; <see cref="Answer"/> says why.</exception>
    public CompiledTransition Fire(string trigger)
    {
        var answer = _answered is { } answered && answered.State == _state && answered.Answer.Trigger == trigger ? answered.Answer : Answer(trigger);
        if (!answer.Permitted)
        {
            throw new InvalidOperationException(string.Join(" ", answer.Refusals.Select(r => r.Message)));
        }

        _taken = null;
        _machine.Fire(trigger);
        var taken = _taken ?? throw new InvalidOperationException($"Stateless fired '{trigger}' without reporting a transition.");
        ConfigureCurrentState();
        return taken;
    }

    /// <summary>Where <paramref name="trigger"/> would lead now, or null when it is not permitted.</summary>
    public string? Destination(string trigger) => Answer(trigger).Destination;

    /// <summary>
    /// Records the transition Stateless took: the one alternative of the fired trigger whose guard held (Stateless
    /// refuses to fire when more than one does), checked against the destination Stateless reports.
    /// </summary>
    private void OnTransitioned(StateMachine<string, string>.Transition transition)
    {
        var taken = _type.Outgoing(transition.Source).Single(t => t.Trigger == transition.Trigger && Check(t).Refusals.Count == 0);
        if (taken.To != transition.Destination)
        {
            throw new InvalidOperationException($"Stateless moved '{transition.Trigger}' to '{transition.Destination}', but the alternative whose guard held leads to '{taken.To}'.");
        }

        _taken = taken;
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
