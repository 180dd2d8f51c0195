using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Affairs.Domain.Events;
using Affairs.EventStore;

namespace Affairs.Workflows.Publishing;

/// <summary>Turns event records into stored events and back, under their <see cref="EventTypeAttribute"/> names.</summary>
internal static class StoredEvents
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string TypeName<T>() => typeof(T).GetCustomAttribute<EventTypeAttribute>()?.Name
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no [EventType].");

    /// <summary>An event with an id derived from <paramref name="identity"/>, so that a retry appends the same id.</summary>
    public static EventToAppend ToAppend<T>(T data, string identity, string actor) => new(
        DeterministicId(identity),
        TypeName<T>(),
        JsonSerializer.SerializeToUtf8Bytes(data, Options),
        JsonSerializer.SerializeToUtf8Bytes(new { actor }, Options));

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

    private static Guid DeterministicId(string identity) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
}
