namespace Affairs.Domain.AffairTypes;

/// <summary>States, handlers, time limits and timers.</summary>
public sealed partial class AffairTypeValidator
{
    private void CheckStates()
    {
        if (_definition.States.Count == 0)
        {
            Add("$.states", "required", "A definition needs at least one state.");
        }

        for (var i = 0; i < _definition.States.Count; i++)
        {
            var state = _definition.States[i];
            CheckSlug($"$.states[{i}].name", state.Name, "A state's name");
            if (state.Name.Length > 0 && !_states.TryAdd(state.Name, state))
            {
                Add($"$.states[{i}].name", "duplicate-name", $"The state '{state.Name}' is declared twice.");
            }
        }

        CheckName("$.initialState", _definition.InitialState, "The initial state");
        CheckStateReference("$.initialState", _definition.InitialState.Length == 0 ? null : _definition.InitialState, "The initial state");
        if (_states.TryGetValue(_definition.InitialState, out var initial) && initial.IsTerminal)
        {
            Add("$.initialState", "terminal-initial-state", $"The initial state '{initial.Name}' cannot be terminal.");
        }

        for (var i = 0; i < _definition.States.Count; i++)
        {
            CheckStep($"$.states[{i}]", _definition.States[i]);
        }
    }

    private void CheckStep(string path, StateDefinition state)
    {
        if (state.IsTerminal)
        {
            if (state.Handler is not null || state.TimeLimit is not null || state.Timers.Count > 0)
            {
                Add(path, "terminal-with-step", $"The terminal state '{state.Name}' cannot have a handler, a time limit or timers.");
            }

            return;
        }

        if (state.Handler is null)
        {
            Add($"{path}.handler", "required", $"The state '{state.Name}' needs a handler: a post id, grid or supervisor.");
        }
        else if (!KnownPosts.IsKnown(state.Handler, _posts))
        {
            Add($"{path}.handler", "unknown-post", $"The state '{state.Name}' is handled by the unknown post '{state.Handler}'.");
        }

        CheckPeriod($"{path}.timeLimit", state.TimeLimit, $"The time limit of state '{state.Name}'");
        for (var t = 0; t < state.Timers.Count; t++)
        {
            CheckTimer($"{path}.timers[{t}]", state, state.Timers[t]);
        }
    }

    private void CheckTimer(string path, StateDefinition state, TimerDefinition timer)
    {
        CheckPeriod($"{path}.after", timer.After, $"The delay of a timer in state '{state.Name}'");
        var permitted = _definition.Transitions.Any(t =>
            t.Trigger == timer.Fire && t.From.Contains(state.Name) && t.Roles.Contains(CaseRole.System));
        if (!permitted)
        {
            Add($"{path}.fire", "timer-not-permitted",
                $"The timer in state '{state.Name}' fires '{timer.Fire}', which no transition from that state permits to the system role.");
        }
    }
}
