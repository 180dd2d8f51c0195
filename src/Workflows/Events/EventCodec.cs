using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Affairs.Domain.Events;
using Affairs.EventStore;

namespace Affairs.Workflows.Events;

/// <summary>
/// Turns domain events into stored events and back: a stable type name, camel-case JSON data, JSON metadata sealed with
/// the stream's hash chain, and upcasting of old shapes on the way back. Deterministic: the same event and metadata
/// always give the same bytes.
/// </summary>
public sealed class EventCodec
{
    /// <summary>The JSON settings of stored events; changing them changes stored bytes, so they are fixed here.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = false,
    };

    private readonly EventTypeRegistry _registry;
    private readonly Dictionary<string, IEventUpcaster> _upcasters;

    /// <summary>Creates the codec over the registered types and upcasters.</summary>
    public EventCodec(EventTypeRegistry registry, IEnumerable<IEventUpcaster> upcasters)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(upcasters);
        _registry = registry;
        _upcasters = upcasters.ToDictionary(u => u.FromType, StringComparer.Ordinal);
    }

    /// <summary>Encodes one event that follows <paramref name="previousHash"/> in its stream; returns it with its own hash.</summary>
    public (EventToAppend Event, string Hash) Encode(Guid eventId, object @event, EventMetadata metadata, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = _registry.NameOf(@event.GetType());
        var data = JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), JsonOptions);
        var metadataLessHash = JsonSerializer.SerializeToUtf8Bytes(metadata, JsonOptions);
        var hash = HashChain.Compute(type, data, metadataLessHash, previousHash);
        return (new EventToAppend(eventId, type, data, HashChain.Seal(metadataLessHash, hash)), hash);
    }

    /// <summary>
    /// The domain event in <paramref name="written"/>, read back from its bytes as a later read of the stream would decode
    /// it (it was encoded by this codec, so it has the current shape and needs no upcasting).
    /// </summary>
    public object DecodeWritten(EventToAppend written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return JsonSerializer.Deserialize(written.Data.Span, TypeOf(written.Type), JsonOptions)!;
    }

    /// <summary>Whether events stored under <paramref name="typeName"/> can be decoded (a registered type, or an upcaster from it).</summary>
    public bool CanDecode(string typeName) => _upcasters.ContainsKey(typeName) || _registry.TryGetType(typeName, out _);

    /// <summary>Decodes a stored event, upcasting old shapes; never re-runs anything the event once caused.</summary>
    /// <exception cref="InvalidOperationException">The type name is unknown and no upcaster reads it.</exception>
    /// <exception cref="StoredEventUnreadableException">The data or metadata do not read as the type's.</exception>
    public DecodedEvent Decode(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var typeName = FinalType(recorded.Type);
        var type = TypeOf(typeName);
        try
        {
            object? domainEvent;
            if (typeName != recorded.Type)
            {
                var data = JsonNode.Parse(recorded.Data.Span) as JsonObject ?? throw new StoredEventUnreadableException(recorded, null);
                for (var from = recorded.Type; _upcasters.TryGetValue(from, out var upcaster); from = upcaster.ToType)
                {
                    data = upcaster.Upcast(data);
                }

                domainEvent = data.Deserialize(type, JsonOptions);
            }
            else
            {
                domainEvent = JsonSerializer.Deserialize(recorded.Data.Span, type, JsonOptions);
            }

            var hash = HashChain.TryOpen(recorded.Metadata.Span, out var metadataLessHash, out var sealedHash) ? sealedHash : string.Empty;
            var metadata = JsonSerializer.Deserialize<EventMetadata>(hash.Length > 0 ? metadataLessHash : recorded.Metadata.Span, JsonOptions)
                ?? new EventMetadata(string.Empty, string.Empty, string.Empty, null);
            return new DecodedEvent(domainEvent ?? throw new StoredEventUnreadableException(recorded, null), typeName, metadata, hash, recorded);
        }
        catch (Exception unreadable) when (unreadable is JsonException or NotSupportedException or FormatException)
        {
            throw new StoredEventUnreadableException(recorded, unreadable);
        }
    }

    /// <summary>The type name the chain of upcasters from <paramref name="typeName"/> ends at.</summary>
    private string FinalType(string typeName)
    {
        while (_upcasters.TryGetValue(typeName, out var upcaster))
        {
            typeName = upcaster.ToType;
        }

        return typeName;
    }

    /// <summary>Recomputes one stored event's hash from its stored bytes; the auditor's check does not trust the decoded form.</summary>
    public static (string Recomputed, string Sealed) Rehash(RecordedEvent recorded, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return HashChain.TryOpen(recorded.Metadata.Span, out var metadataLessHash, out var sealedHash)
            ? (HashChain.Compute(recorded.Type, recorded.Data.Span, metadataLessHash, previousHash), sealedHash)
            : (HashChain.Compute(recorded.Type, recorded.Data.Span, recorded.Metadata.Span, previousHash), string.Empty);
    }

    private Type TypeOf(string typeName) =>
        _registry.TryGetType(typeName, out var type) ? type : throw new InvalidOperationException($"No event type is registered as '{typeName}'.");
}
