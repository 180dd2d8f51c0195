namespace Affairs.Domain.AffairTypes;

/// <summary>Reachability and ways out, and statutory clocks.</summary>
public sealed partial class AffairTypeValidator
{
    private void CheckGraph()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (_states.ContainsKey(_definition.InitialState))
        {
            reached.Add(_definition.InitialState);
            queue.Enqueue(_definition.InitialState);
        }

        while (queue.TryDequeue(out var state))
        {
            foreach (var to in _definition.Transitions.Where(t => t.From.Contains(state) && t.To is not null).Select(t => t.To!))
            {
                if (_states.ContainsKey(to) && reached.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        for (var i = 0; i < _definition.States.Count; i++)
        {
            var state = _definition.States[i];
            if (_definition.InitialState.Length > 0 && state.Name.Length > 0 && !reached.Contains(state.Name))
            {
                Add($"$.states[{i}]", "unreachable-state", $"The state '{state.Name}' cannot be reached from the initial state '{_definition.InitialState}'.");
            }

            if (!state.IsTerminal && !_definition.Transitions.Any(t => t.From.Contains(state.Name) && t.To is not null && t.To != state.Name))
            {
                Add($"$.states[{i}]", "no-way-out", $"The state '{state.Name}' is not terminal but no transition leads out of it.");
            }
        }
    }

    private void CheckClocks()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _definition.Clocks.Count; i++)
        {
            var clock = _definition.Clocks[i];
            var path = $"$.clocks[{i}]";
            CheckSlug($"{path}.name", clock.Name, "A clock's name");
            if (clock.Name.Length > 0 && !seen.Add(clock.Name))
            {
                Add($"{path}.name", "duplicate-name", $"The clock '{clock.Name}' is declared twice.");
            }

            CheckName($"{path}.startsOn", clock.StartsOn, $"The state that starts clock '{clock.Name}'");
            CheckStateReference($"{path}.startsOn", clock.StartsOn.Length == 0 ? null : clock.StartsOn, $"The clock '{clock.Name}'");
            for (var s = 0; s < clock.StopsOn.Count; s++)
            {
                CheckStateReference($"{path}.stopsOn[{s}]", clock.StopsOn[s], $"The clock '{clock.Name}'");
            }

            CheckPeriod($"{path}.limit", clock.Limit, $"The limit of clock '{clock.Name}'");
            if (clock.Extension is { } extension)
            {
                CheckExtension($"{path}.extension", clock.Name, extension);
            }
        }
    }

    private void CheckExtension(string path, string clock, ClockExtension extension)
    {
        CheckPeriod($"{path}.by", extension.By, $"The extension of clock '{clock}'");
        if (extension.Times < 1)
        {
            Add($"{path}.times", "invalid-period", $"The extension of clock '{clock}' must be allowed at least once.");
        }

        var transitions = _definition.Transitions.Where(t => t.Trigger == extension.Trigger).ToList();
        if (transitions.Count == 0 || transitions.Any(t => !t.Internal || !t.RequiresReason))
        {
            Add($"{path}.trigger", "invalid-extension",
                $"The clock '{clock}' is extended by '{extension.Trigger}', which must be an internal transition that requires a reason.");
        }
    }
}
