using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Affairs.EventStore;

namespace Affairs.Host.Tests.Scaling;

/// <summary>One stored event as the proof reads it: where it is, what it is, and the metadata the command wrote on it.</summary>
internal sealed record LoggedEvent(
    string Stream,
    string Category,
    long Revision,
    string Type,
    JsonElement Data,
    string? CorrelationId,
    string? CausationId,
    string? ActorId,
    string? IdempotencyKey,
    bool CarriesAnswer);

/// <summary>The whole log, read straight from the store the hosts share, not through any host.</summary>
internal static class StoreLog
{
    public static async Task<List<LoggedEvent>> ReadAsync(IEventStore store, CancellationToken cancellationToken)
    {
        var events = new List<LoggedEvent>();
        await foreach (var recorded in store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue, cancellationToken))
        {
            using var data = JsonDocument.Parse(recorded.Data);
            using var metadata = JsonDocument.Parse(recorded.Metadata);
            var meta = metadata.RootElement;
            events.Add(new LoggedEvent(
                recorded.Stream.Value,
                recorded.Stream.Category,
                recorded.Revision,
                recorded.Type,
                data.RootElement.Clone(),
                Text(meta, "correlationId"),
                Text(meta, "causationId"),
                Text(meta, "actorId"),
                Text(meta, "idempotencyKey"),
                meta.TryGetProperty("answer", out var answer) && answer.ValueKind != JsonValueKind.Null));
        }

        return events;
    }

    /// <summary>The stream in which a key is claimed for an actor, as the idempotency behaviour names it.</summary>
    public static string ClaimStream(string actorId, string key) =>
        "idempotency-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{actorId}\n{key}")))[..40];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
