using Affairs.Domain.AffairTypes;

namespace Affairs.Workflows.AffairTypes;

/// <summary>One state of a compiled affair type, with what the case engine and the scheduler need to know of it.</summary>
public sealed class CompiledState
{
    internal CompiledState(StateDefinition definition, IReadOnlyList<FieldDefinition> requiredFields, IReadOnlyList<RequiredMaterial> requiredMaterials)
    {
        Definition = definition;
        RequiredFields = requiredFields;
        RequiredMaterials = requiredMaterials;
    }

    /// <summary>The state as defined.</summary>
    public StateDefinition Definition { get; }

    /// <summary>The state's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The outcome, for a terminal state.</summary>
    public Outcome? Outcome => Definition.Outcome;

    /// <summary>True when the case ends here.</summary>
    public bool IsTerminal => Definition.IsTerminal;

    /// <summary>The handler: a post id, <c>grid</c> or <c>supervisor</c>; null on terminal states.</summary>
    public string? Handler => Definition.Handler;

    /// <summary>The step's time limit; null on terminal states.</summary>
    public Period? TimeLimit => Definition.TimeLimit;

    /// <summary>The timers that run while the case is here; each fires its trigger as <see cref="CaseActor.System"/>.</summary>
    public IReadOnlyList<TimerDefinition> Timers => Definition.Timers;

    /// <summary>The fields that must have a value before a case may enter this state (or, for the initial state, be opened).</summary>
    public IReadOnlyList<FieldDefinition> RequiredFields { get; }

    /// <summary>
    /// The materials that must be attached before a case may enter this state (or, for the initial state, be opened),
    /// each where its condition holds.
    /// </summary>
    public IReadOnlyList<RequiredMaterial> RequiredMaterials { get; }
}
