namespace Affairs.EventStore;

/// <summary>Checks an append's arguments the same way in every adapter, before anything reaches a store.</summary>
public static class EventBatch
{
    /// <summary>The longest event type name, in characters.</summary>
    public const int MaxTypeLength = 200;

    /// <summary>Throws <see cref="ArgumentException"/> for an append no adapter may accept.</summary>
    /// <param name="stream">The target stream; the default value has no name.</param>
    /// <param name="events">At least one event, each with a non-empty id and type.</param>
    public static void Validate(StreamName stream, IReadOnlyList<EventToAppend> events)
    {
        if (stream.Value is null)
        {
            throw new ArgumentException("The stream has no name.", nameof(stream));
        }

        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append carries at least one event.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            var @event = events[i] ?? throw new ArgumentException($"Event {i} is null.", nameof(events));
            if (@event.EventId == Guid.Empty)
            {
                throw new ArgumentException($"Event {i} has an empty id.", nameof(events));
            }

            if (string.IsNullOrWhiteSpace(@event.Type) || @event.Type.Length > MaxTypeLength)
            {
                throw new ArgumentException($"Event {i} needs a type name of 1 to {MaxTypeLength} characters.", nameof(events));
            }
        }
    }
}
