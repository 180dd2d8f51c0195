using System.Globalization;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using WireEvent = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadResp.Types.ReadEvent.Types.RecordedEvent;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>Turns <c>ReadResp</c> messages into the port's <see cref="RecordedEvent"/>.</summary>
internal static class RecordedEvents
{
    /// <summary>
    /// The event a response carries when it lies after <paramref name="afterPosition"/>; null for everything else:
    /// confirmations, checkpoints, caught-up and fell-behind notices, end-of-read positions (the port exposes none of
    /// them), the event a read started at, and events of streams that are not named <c>category-id</c>.
    /// </summary>
    public static RecordedEvent? After(ReadResp response, long afterPosition)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.ContentCase != ReadResp.ContentOneofCase.Event)
        {
            return null;
        }

        var recorded = TryFrom(response.Event);
        return recorded is not null && recorded.Position > afterPosition ? recorded : null;
    }

    /// <summary>The event, or null when its stream is not a <see cref="StreamName"/> (a stream another application wrote).</summary>
    public static RecordedEvent? TryFrom(ReadResp.Types.ReadEvent readEvent)
    {
        ArgumentNullException.ThrowIfNull(readEvent);
        var wire = readEvent.Event ?? readEvent.Link ?? throw new InvalidDataException("A read response carried no event.");
        if (Named(StreamIdentifiers.FromWire(wire.StreamIdentifier)) is not { } stream)
        {
            return null;
        }

        return new RecordedEvent(
            stream,
            AppendResponses.ToRevision(wire.StreamRevision),
            Positions.FromLog(wire.CommitPosition, wire.PreparePosition),
            Uuids.FromWire(wire.Id),
            Required(wire, SystemMetadata.Type),
            wire.Data.Memory,
            wire.CustomMetadata.Memory,
            Created(wire));
    }

    private static StreamName? Named(string? name)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            return new StreamName(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static DateTimeOffset Created(WireEvent wire)
    {
        var text = Required(wire, SystemMetadata.Created);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new InvalidDataException("An event's 'created' metadata is not a number of ticks.");
        }

        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }

    private static string Required(WireEvent wire, string key) =>
        wire.Metadata.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new InvalidDataException($"An event arrived without the '{key}' metadata.");
}
