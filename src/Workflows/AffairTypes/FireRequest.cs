using Affairs.Domain.AffairTypes;

namespace Affairs.Workflows.AffairTypes;

/// <summary>A concrete attempt to fire a trigger, checked in full by <see cref="CaseMachine.Check"/>.</summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="Reason">The actor's reason, where one is given.</param>
/// <param name="Changes">The data the actor sets with it; guards and required fields see the data after these changes.</param>
public sealed record FireRequest(string Trigger, string? Reason = null, IReadOnlyDictionary<string, FieldValue>? Changes = null);
