using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Guards;

namespace Affairs.Workflows.AffairTypes;

/// <summary>A transition with its guard compiled, for one source state.</summary>
public sealed class CompiledTransition
{
    internal CompiledTransition(int index, string from, TransitionDefinition definition, GuardExpression? guard, ClockDefinition? extends)
    {
        Index = index;
        From = from;
        Definition = definition;
        Guard = guard;
        Roles = definition.Roles.ToHashSet();
        Sets = definition.Sets.ToHashSet(StringComparer.Ordinal);
        Extends = extends;
        var roles = string.Join("|", definition.Roles.Select(r => r.ToString().ToLowerInvariant())) + (definition.Once ? ", once per case" : string.Empty);
        Description = guard is not null ? $"{roles}: {guard.Text}" : roles;
    }

    /// <summary>Its index in the definition's <c>transitions</c>, as problem paths name it.</summary>
    public int Index { get; }

    /// <summary>The source state.</summary>
    public string From { get; }

    /// <summary>The transition as defined.</summary>
    public TransitionDefinition Definition { get; }

    /// <summary>The trigger.</summary>
    public string Trigger => Definition.Trigger;

    /// <summary>The destination: the source state itself for an internal transition.</summary>
    public string To => Definition.To ?? From;

    /// <summary>True when the case stays where it is.</summary>
    public bool IsInternal => Definition.Internal;

    /// <summary>The compiled guard, if any.</summary>
    public GuardExpression? Guard { get; }

    /// <summary>The roles that may fire it.</summary>
    public IReadOnlySet<CaseRole> Roles { get; }

    /// <summary>The fields the actor may set with it.</summary>
    public IReadOnlySet<string> Sets { get; }

    /// <summary>The clock it extends, when it is a clock's extension trigger.</summary>
    public ClockDefinition? Extends { get; }

    /// <summary>Whether the actor must give a reason.</summary>
    public bool RequiresReason => Definition.RequiresReason;

    /// <summary>Who may fire it and its guard, as the diagrams label the transition.</summary>
    internal string Description { get; }
}
