namespace Affairs.EventStore;

/// <summary>
/// An event as the writer hands it to the store.
/// </summary>
/// <param name="EventId">Chosen by the writer; a retry reuses it, which is what makes the retry idempotent.</param>
/// <param name="Type">A stable, versioned type name such as <c>case.opened.v1</c>, never a CLR type name.</param>
/// <param name="Data">UTF-8 JSON.</param>
/// <param name="Metadata">UTF-8 JSON (correlation, causation, actor…). Data and metadata read back byte for byte.</param>
public sealed record EventToAppend(Guid EventId, string Type, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Metadata);
