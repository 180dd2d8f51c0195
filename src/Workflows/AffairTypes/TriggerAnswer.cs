namespace Affairs.Workflows.AffairTypes;

/// <summary>The answer for one trigger in one case situation, for one actor.</summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="Destination">Where firing it leads (the same state for an internal transition); null when refused.</param>
/// <param name="RequiresReason">Whether the actor must give a reason to fire it.</param>
/// <param name="Refusals">Why it may not be fired; empty when it may.</param>
public sealed record TriggerAnswer(string Trigger, string? Destination, bool RequiresReason, IReadOnlyList<TriggerRefusal> Refusals)
{
    /// <summary>True when the actor may fire the trigger now.</summary>
    public bool Permitted => Refusals.Count == 0;
}
