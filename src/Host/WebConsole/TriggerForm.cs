using Affairs.Domain.AffairTypes;

namespace Affairs.Host.WebConsole;

/// <summary>A permitted trigger as a form: the fields its transitions may set, and whether a reason is required.</summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="Destination">Where it leads.</param>
/// <param name="RequiresReason">Whether a reason must be given.</param>
/// <param name="Fields">The fields it may set, as the definition declares them.</param>
public sealed record TriggerForm(string Trigger, string? Destination, bool RequiresReason, IReadOnlyList<FieldDefinition> Fields);
