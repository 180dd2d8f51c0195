using Affairs.Domain.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Commands;

/// <summary>What every command carries besides its own fields: who sends it, and how to trace and deduplicate it.</summary>
/// <param name="Actor">The sender.</param>
/// <param name="CommandId">This command's id, recorded as the causation of every event it writes.</param>
/// <param name="CorrelationId">The request's correlation id, carried into every event the command writes.</param>
/// <param name="IdempotencyKey">The client's key: the same key with the same payload returns the first result.</param>
public sealed record CommandContext(Actor Actor, string CommandId, string CorrelationId, string? IdempotencyKey = null)
{
    /// <summary>The metadata for events this command writes.</summary>
    public EventMetadata Metadata => new(CorrelationId, CommandId, Actor.Id, IdempotencyKey);
}
