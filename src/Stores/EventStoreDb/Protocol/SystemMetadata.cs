namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>The keys EventStoreDB keeps in an event's metadata map; our own JSON metadata travels as custom metadata.</summary>
internal static class SystemMetadata
{
    /// <summary>The event type name.</summary>
    public const string Type = "type";

    /// <summary>How the data is encoded; ours is always JSON.</summary>
    public const string ContentType = "content-type";

    /// <summary>When the server recorded the event: 100 ns ticks since the Unix epoch, as decimal text.</summary>
    public const string Created = "created";

    /// <summary>The content type of our data.</summary>
    public const string Json = "application/json";
}
