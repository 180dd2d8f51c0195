using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Guards;

namespace Affairs.Workflows.AffairTypes;

/// <summary>Answers per trigger: permitted with its destination, or refused with every reason.</summary>
public sealed partial class CaseMachine
{
    private const int RoleStage = 0;
    private const int GuardStage = 1;
    private const int ConditionStage = 2;

    /// <summary>The answer for every trigger of the affair type, in definition order.</summary>
    public IReadOnlyList<TriggerAnswer> Answers() => [.. _type.Triggers.Select(Answer)];

    /// <summary>
    /// The answer for one trigger: permitted with its destination, or refused with stable codes (see
    /// <see cref="RefusalCodes"/>). When the machine was built with a <see cref="FireRequest"/> for this trigger, its
    /// reason and changes are checked too.
    /// </summary>
    public TriggerAnswer Answer(string trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var answer = Work(trigger);
        _answered = (_state, answer);
        return answer;
    }

    /// <summary>Works the answer out; <see cref="Fire"/> reuses the last one given in the same state.</summary>
    private TriggerAnswer Work(string trigger)
    {
        var candidates = _type.Outgoing(_state).Where(t => t.Trigger == trigger).ToList();
        if (candidates.Count == 0)
        {
            // Whether the trigger asks for a reason is said even where it cannot be given, so a form can be built once.
            return new TriggerAnswer(trigger, null, _type.Transitions.Any(t => t.Trigger == trigger && t.RequiresReason), [NotHere(trigger)]);
        }

        var requiresReason = candidates.Any(t => t.RequiresReason);
        if (_machine.CanFire(trigger))
        {
            // Stateless permits it, so exactly one alternative's guard holds (it refuses to choose between two).
            var permitted = candidates.Single(t => Check(t).Refusals.Count == 0);
            return new TriggerAnswer(trigger, permitted.To, permitted.RequiresReason, []);
        }

        var checks = candidates.Select(Check).ToList();
        var furthest = checks.Max(c => c.Stage);
        var refusals = checks.Where(c => c.Stage == furthest).SelectMany(c => c.Refusals).Distinct().ToList();
        return new TriggerAnswer(trigger, null, requiresReason, refusals);
    }

    private TriggerRefusal NotHere(string trigger)
    {
        if (!_type.Triggers.Contains(trigger))
        {
            return new TriggerRefusal(RefusalCodes.UnknownTrigger, $"The affair type '{_type.Id}' has no trigger '{trigger}'.");
        }

        if (_type.State(_state).IsTerminal)
        {
            return new TriggerRefusal(RefusalCodes.TerminalState, $"The case has ended in state '{_state}'.");
        }

        var states = _type.Transitions.Where(t => t.Trigger == trigger).Select(t => t.From).Distinct();
        return new TriggerRefusal(RefusalCodes.WrongState, $"'{trigger}' cannot be fired in state '{_state}', only in: {string.Join(", ", states)}.");
    }

    private IReadOnlyList<TriggerRefusal> Refusals(CompiledTransition transition) => Check(transition).Refusals;

    private (int Stage, IReadOnlyList<TriggerRefusal> Refusals) Check(CompiledTransition t)
    {
        if (!_checked.TryGetValue(t, out var result))
        {
            _checked[t] = result = Evaluate(t);
        }

        return result;
    }

    private (int Stage, IReadOnlyList<TriggerRefusal> Refusals) Evaluate(CompiledTransition t)
    {
        if (!t.Roles.Overlaps(_context.Actor.Roles))
        {
            var roles = string.Join(", ", t.Definition.Roles.Select(r => r.ToString().ToLowerInvariant()));
            return (RoleStage, [new TriggerRefusal(RefusalCodes.RoleNotAllowed, $"'{t.Trigger}' may be fired only as: {roles}.")]);
        }

        if (GuardRefusal(t) is { } guard)
        {
            // The documents the step needs do not depend on the data the guard reads: named with it, so that a client
            // learns everything it must bring at once instead of one refusal after another.
            return (GuardStage, [guard, .. MissingMaterials(t)]);
        }

        return (ConditionStage, Conditions(t));
    }

    private IEnumerable<TriggerRefusal> MissingMaterials(CompiledTransition t)
    {
        if (t.IsInternal || t.To == t.From)
        {
            yield break;
        }

        var destination = _type.State(t.To);
        foreach (var material in destination.RequiredMaterials.Where(m => !_situation.AttachedMaterials.Contains(m.Id) && Applies(m)))
        {
            var when = material.Condition is { } condition ? $" when {condition.Text}" : string.Empty;
            yield return new TriggerRefusal(RefusalCodes.MissingMaterial, $"The material '{material.Id}' is required from state '{destination.Name}'{when}.");
        }
    }

    private TriggerRefusal? GuardRefusal(CompiledTransition t)
    {
        if (t.Guard is not { } guard)
        {
            return null;
        }

        try
        {
            return guard.Evaluate(_context)
                ? null
                : new TriggerRefusal(RefusalCodes.GuardFalse, $"The condition of '{t.Trigger}' does not hold: {guard.Text}");
        }
        catch (GuardEvaluationException e)
        {
            return new TriggerRefusal(RefusalCodes.GuardError, $"The condition of '{t.Trigger}' cannot be evaluated: {e.Message}");
        }
    }

    /// <summary>
    /// Whether a required material applies to this case, its condition read against the data as the step would leave
    /// it; one that cannot be evaluated applies, so that a doubtful case is asked for the document rather than let through.
    /// </summary>
    private bool Applies(RequiredMaterial material)
    {
        if (material.Condition is not { } condition)
        {
            return true;
        }

        try
        {
            return condition.Evaluate(_context);
        }
        catch (GuardEvaluationException)
        {
            return true;
        }
    }

    private List<TriggerRefusal> Conditions(CompiledTransition t)
    {
        var refusals = new List<TriggerRefusal>();
        var request = _request?.Trigger == t.Trigger ? _request : null;
        if (t.Extends is { Extension: { } extension } clock && _situation.ExtensionsUsed.GetValueOrDefault(clock.Name) >= extension.Times)
        {
            refusals.Add(new TriggerRefusal(RefusalCodes.ExtensionExhausted, $"The clock '{clock.Name}' has already been extended {extension.Times} time(s)."));
        }

        if (t.Definition.Once && _situation.Fired.TryGetValue(t.Trigger, out var fired))
        {
            refusals.Add(new TriggerRefusal(RefusalCodes.AlreadyFired, $"'{t.Trigger}' may be given once per case, and was given on {fired:yyyy-MM-dd}."));
        }

        if (request is not null && t.RequiresReason && string.IsNullOrWhiteSpace(request.Reason))
        {
            refusals.Add(new TriggerRefusal(RefusalCodes.ReasonRequired, $"'{t.Trigger}' requires a reason."));
        }

        foreach (var field in request?.Changes?.Keys.Where(f => !t.Sets.Contains(f)) ?? [])
        {
            refusals.Add(new TriggerRefusal(RefusalCodes.FieldNotSettable, $"'{t.Trigger}' cannot set the field '{field}'."));
        }

        if (!t.IsInternal && t.To != t.From)
        {
            var destination = _type.State(t.To);
            foreach (var field in destination.RequiredFields.Where(f => _context.Data.GetValueOrDefault(f.Name).IsNull && (request is not null || !t.Sets.Contains(f.Name))))
            {
                refusals.Add(new TriggerRefusal(RefusalCodes.MissingField, $"The field '{field.Name}' is required from state '{destination.Name}'."));
            }

            refusals.AddRange(MissingMaterials(t));
        }

        return refusals;
    }
}
