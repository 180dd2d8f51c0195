using System.Runtime.CompilerServices;
using Affairs.Domain.EventStore;
using Npgsql;

namespace Affairs.Stores.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        StreamName stream,
        ReadDirection direction,
        long fromRevision,
        long maxCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var forwards = direction == ReadDirection.Forwards;
        var sql = SelectEvent + (forwards
            ? "WHERE s.name = $1 AND e.revision >= $2 ORDER BY e.revision LIMIT $3"
            : "WHERE s.name = $1 AND e.revision <= $2 ORDER BY e.revision DESC LIMIT $3");
        var next = fromRevision;
        var remaining = maxCount;
        while (remaining > 0)
        {
            var limit = (int)Math.Min(remaining, _options.ReadPageSize);
            var page = await ReadPageAsync(sql, cancellationToken, stream.Value, next, limit).ConfigureAwait(false);
            foreach (var @event in page)
            {
                yield return @event;
            }

            if (page.Count < limit || (!forwards && page[^1].Revision == 0))
            {
                yield break;
            }

            remaining -= page.Count;
            next = forwards ? page[^1].Revision + 1 : page[^1].Revision - 1;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        SubscriptionFilter filter,
        long afterPosition,
        long maxCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var after = afterPosition;
        var remaining = maxCount;
        while (remaining > 0)
        {
            var limit = (int)Math.Min(remaining, _options.ReadPageSize);
            var page = await ReadLogPageAsync(filter, after, limit, cancellationToken).ConfigureAwait(false);
            foreach (var @event in page)
            {
                yield return @event;
            }

            if (page.Count < limit)
            {
                yield break;
            }

            remaining -= page.Count;
            after = page[^1].Position;
        }
    }

    private string SelectEvent =>
        $"SELECT e.position, e.revision, e.event_id, e.type, e.data, e.metadata, e.recorded, s.name FROM {_quotedSchema}.events e JOIN {_quotedSchema}.streams s ON s.id = e.stream_id ";

    private Task<List<RecordedEvent>> ReadLogPageAsync(SubscriptionFilter filter, long after, int limit, CancellationToken cancellationToken) =>
        filter.Category is null
            ? ReadPageAsync(SelectEvent + "WHERE e.position > $1 ORDER BY e.position LIMIT $2", cancellationToken, after, limit)
            : ReadPageAsync(SelectEvent + "WHERE e.category = $1 AND e.position > $2 ORDER BY e.position LIMIT $3", cancellationToken, filter.Category, after, limit);

    /// <summary>
    /// Reads one page and returns the connection to the pool before the caller sees any of it, so that a slow
    /// consumer never holds a connection or a snapshot open.
    /// </summary>
    private async Task<List<RecordedEvent>> ReadPageAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var page = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(new RecordedEvent(
                new StreamName(reader.GetString(7)),
                reader.GetInt64(1),
                reader.GetInt64(0),
                reader.GetGuid(2),
                reader.GetString(3),
                reader.GetFieldValue<byte[]>(4),
                reader.GetFieldValue<byte[]>(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return page;
    }
}
