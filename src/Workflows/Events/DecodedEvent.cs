using Affairs.EventStore;

namespace Affairs.Workflows.Events;

/// <summary>A stored event turned back into its domain record, with its metadata and chain hash.</summary>
/// <param name="Event">The domain event, in its newest shape.</param>
/// <param name="TypeName">The name of that shape (after any upcasting).</param>
/// <param name="Metadata">Correlation, causation, actor and idempotency key.</param>
/// <param name="Hash">The chain hash sealed into the metadata, empty where none was.</param>
/// <param name="Recorded">The event as stored, untouched.</param>
public sealed record DecodedEvent(object Event, string TypeName, Domain.Events.EventMetadata Metadata, string Hash, RecordedEvent Recorded);
