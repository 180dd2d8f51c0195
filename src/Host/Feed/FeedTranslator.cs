using System.Text.Json;
using Affairs.Domain.Cases.Events;
using Affairs.EventStore;
using Affairs.Host.Privacy;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Events;

namespace Affairs.Host.Feed;

/// <summary>Turns stored events into the public <see cref="FeedEvent"/> contract, masking personal data as the client's scope requires.</summary>
internal sealed class FeedTranslator(EventCodec codec, CaseTypeIndex cases, AffairTypeCatalog catalog)
{
    /// <summary>The feed event, or null when the query's filters leave it out.</summary>
    public async ValueTask<FeedEvent?> TranslateAsync(RecordedEvent recorded, FeedQuery query, CancellationToken ct)
    {
        var category = recorded.Stream.Category;
        if (FeedQuery.Internal.Contains(category))
        {
            return null;
        }

        var streamId = recorded.Stream.Value[(category.Length + 1)..];
        if (!codec.CanDecode(recorded.Type))
        {
            return Undecodable(recorded, query, category, streamId);
        }

        var decoded = codec.Decode(recorded);
        if (decoded.Event is CaseOpened opened)
        {
            cases.Remember(opened);
        }

        var pinned = category == "case" ? await cases.FindAsync(streamId, ct) : null;
        var typeId = pinned?.TypeId ?? (category is AffairTypeCatalog.Category ? streamId : null);
        if (query.AffairTypeId is { Length: > 0 } wanted && typeId != wanted)
        {
            return null;
        }

        var @event = query.Unmasked || pinned is null ? decoded.Event : MaskCaseData(decoded.Event, catalog.Versions(pinned.Value.TypeId).FirstOrDefault(v => v.Type.Version == pinned.Value.Version)?.Type);
        var data = JsonSerializer.SerializeToElement(@event, @event.GetType(), PersonalDataJson.For(query.Unmasked));
        return new FeedEvent(recorded.Position, recorded.EventId, decoded.TypeName, category, streamId, recorded.Revision, recorded.Recorded,
            decoded.Metadata.CorrelationId, decoded.Metadata.ActorId, typeId, data);
    }

    /// <summary>
    /// An event of a type this version does not know (written by a newer version, or by another writer) still goes out,
    /// in order, under its stored type name: its data as stored for clients that may see personal data, withheld (null)
    /// for the others, since nothing says which of its fields are personal.
    /// </summary>
    private static FeedEvent? Undecodable(RecordedEvent recorded, FeedQuery query, string category, string streamId)
    {
        if (query.AffairTypeId is { Length: > 0 })
        {
            return null;
        }

        var data = query.Unmasked && TryParse(recorded.Data.Span, out var json) ? json : JsonSerializer.SerializeToElement<object?>(null);
        return new FeedEvent(recorded.Position, recorded.EventId, recorded.Type, category, streamId, recorded.Revision, recorded.Recorded,
            string.Empty, string.Empty, null, data);
    }

    private static bool TryParse(ReadOnlySpan<byte> utf8, out JsonElement json)
    {
        try
        {
            json = JsonSerializer.Deserialize<JsonElement>(utf8);
            return true;
        }
        catch (JsonException)
        {
            json = default;
            return false;
        }
    }

    private static object MaskCaseData(object @event, CompiledAffairType? type) => @event switch
    {
        CaseOpened e => e with { Data = CaseDataMask.Apply(type, e.Data) },
        CaseTransitioned e => e with { DataChanges = CaseDataMask.Apply(type, e.DataChanges) },
        CaseDataAmended e => e with { Changes = CaseDataMask.Apply(type, e.Changes) },
        _ => @event,
    };
}
