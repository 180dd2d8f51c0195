using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Affairs.Domain.Events;
using Affairs.EventStore;

namespace Affairs.Workflows.Publishing;

/// <summary>
/// Reads published rules straight from stored events under their <see cref="EventTypeAttribute"/> names, for the
/// catalogs' start-up load. Written through commands (with the codec's metadata and hash chain) or, before that, with
/// an actor alone: both read the same.
/// </summary>
internal static class StoredEvents
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string TypeName<T>() => typeof(T).GetCustomAttribute<EventTypeAttribute>()?.Name
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no [EventType].");

    public static T Read<T>(RecordedEvent recorded) => JsonSerializer.Deserialize<T>(recorded.Data.Span, Options)
        ?? throw new InvalidDataException($"The event at {recorded.Stream}@{recorded.Revision} is empty.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.MakeReadOnly();
        return options;
    }
}
