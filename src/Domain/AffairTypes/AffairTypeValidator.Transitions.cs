using Affairs.Domain.AffairTypes.Guards;

namespace Affairs.Domain.AffairTypes;

/// <summary>Transitions, guards and the ambiguity of triggers.</summary>
public sealed partial class AffairTypeValidator
{
    private void CheckTransitions()
    {
        var scope = new GuardScope(_definition);
        var guards = new GuardExpression?[_definition.Transitions.Count];
        for (var i = 0; i < _definition.Transitions.Count; i++)
        {
            var transition = _definition.Transitions[i];
            var path = $"$.transitions[{i}]";
            CheckEnds(path, transition);
            CheckSlug($"{path}.trigger", transition.Trigger, "A transition's trigger");
            if (transition.Roles.Count == 0)
            {
                Add($"{path}.roles", "required", $"The transition '{transition.Trigger}' needs the roles that may fire it.");
            }

            if (transition.Guard is { } text)
            {
                guards[i] = GuardExpression.Compile(text, scope, out var problems);
                foreach (var problem in problems)
                {
                    Add($"{path}.guard", problem.Code, $"At character {problem.Position + 1}: {problem.Message}.");
                }
            }

            for (var s = 0; s < transition.Sets.Count; s++)
            {
                if (!_fields.ContainsKey(transition.Sets[s]))
                {
                    Add($"{path}.sets[{s}]", "unknown-field", $"The transition '{transition.Trigger}' sets the unknown field '{transition.Sets[s]}'.");
                }
            }

            CheckClears(path, transition);
            if (transition.To is { } to && _states.TryGetValue(to, out var target) && target.Outcome == Outcome.Rejected && !transition.RequiresReason)
            {
                Add($"{path}.requiresReason", "rejection-without-reason",
                    $"The transition '{transition.Trigger}' leads to the rejected outcome '{to}', so it must require a reason.");
            }
        }

        CheckAmbiguity(guards);
    }

    private void CheckEnds(string path, TransitionDefinition transition)
    {
        if (transition.From.Count == 0)
        {
            Add($"{path}.from", "required", $"The transition '{transition.Trigger}' needs the state(s) it leaves from.");
        }

        for (var f = 0; f < transition.From.Count; f++)
        {
            var fromPath = transition.From.Count == 1 ? $"{path}.from" : $"{path}.from[{f}]";
            CheckStateReference(fromPath, transition.From[f], $"The transition '{transition.Trigger}'");
            if (_states.TryGetValue(transition.From[f], out var from) && from.IsTerminal)
            {
                Add(fromPath, "terminal-has-transitions", $"The terminal state '{from.Name}' cannot have outgoing transitions ('{transition.Trigger}').");
            }
        }

        if (transition.Internal && transition.To is not null)
        {
            Add($"{path}.to", "internal-with-destination", $"The internal transition '{transition.Trigger}' stays in its state and cannot have a destination.");
        }
        else if (!transition.Internal && transition.To is null)
        {
            Add($"{path}.to", "required", $"The transition '{transition.Trigger}' needs a destination, or internal: true.");
        }

        CheckStateReference($"{path}.to", transition.To, $"The transition '{transition.Trigger}'");
    }

    private void CheckClears(string path, TransitionDefinition transition)
    {
        var clears = transition.Clears ?? [];
        for (var c = 0; c < clears.Count; c++)
        {
            var name = clears[c];
            if (!_fields.TryGetValue(name, out var field))
            {
                Add($"{path}.clears[{c}]", "unknown-field", $"The transition '{transition.Trigger}' clears the unknown field '{name}'.");
            }
            else if (transition.Sets.Contains(name, StringComparer.Ordinal))
            {
                Add($"{path}.clears[{c}]", "set-and-cleared", $"The transition '{transition.Trigger}' both sets and clears the field '{name}'.");
            }
            else if (field.RequiredFrom is { } required && required == transition.To)
            {
                Add($"{path}.clears[{c}]", "cleared-but-required", $"The transition '{transition.Trigger}' clears the field '{name}', which its destination '{required}' requires.");
            }
        }
    }

    private void CheckAmbiguity(GuardExpression?[] guards)
    {
        var seen = new Dictionary<(string State, string Trigger), List<int>>();
        for (var i = 0; i < _definition.Transitions.Count; i++)
        {
            var transition = _definition.Transitions[i];
            foreach (var state in transition.From.Distinct())
            {
                if (!seen.TryGetValue((state, transition.Trigger), out var earlier))
                {
                    seen[(state, transition.Trigger)] = earlier = [];
                }

                foreach (var j in earlier.Where(j => !Excludes(guards, i, j)))
                {
                    Add($"$.transitions[{i}]", "ambiguous-trigger",
                        $"The trigger '{transition.Trigger}' already leaves state '{state}' in $.transitions[{j}], and the two guards do not exclude each other.");
                }

                earlier.Add(i);
            }
        }
    }

    /// <summary>Guards that failed to compile are already reported; they are not reported again as ambiguous.</summary>
    private bool Excludes(GuardExpression?[] guards, int i, int j)
    {
        if (_definition.Transitions[i].Guard is null || _definition.Transitions[j].Guard is null)
        {
            return false;
        }

        return guards[i] is not { } a || guards[j] is not { } b || a.ExcludesEachOther(b);
    }
}
