using Affairs.EventStore;
using Npgsql;

namespace Affairs.Stores.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, CancellationToken cancellationToken = default)
    {
        var sql = SelectEvent + (direction == ReadDirection.Forwards
            ? "WHERE s.name = $1 AND e.revision >= $2 ORDER BY e.revision LIMIT $3"
            : "WHERE s.name = $1 AND e.revision <= $2 ORDER BY e.revision DESC LIMIT $3");
        return EventPages.ReadStreamAsync(direction, fromRevision, maxCount, _options.ReadPageSize,
            (from, limit, token) => ReadPageAsync(sql, token, stream.Value, from, limit), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EventPages.ReadLogAsync(afterPosition, maxCount, _options.ReadPageSize, LogPages(filter), cancellationToken);
    }

    private string SelectEvent =>
        $"SELECT e.position, e.revision, e.event_id, e.type, e.data, e.metadata, e.recorded, s.name FROM {_quotedSchema}.events e JOIN {_quotedSchema}.streams s ON s.id = e.stream_id ";

    private EventPages.PageReader LogPages(SubscriptionFilter filter)
    {
        if (filter.IsAll)
        {
            var all = SelectEvent + "WHERE e.position > $1 ORDER BY e.position LIMIT $2";
            return (after, limit, token) => ReadPageAsync(all, token, after, limit);
        }

        var categories = filter.Categories.ToArray();
        if (categories.Length == 1)
        {
            var category = SelectEvent + "WHERE e.category = $1 AND e.position > $2 ORDER BY e.position LIMIT $3";
            return (after, limit, token) => ReadPageAsync(category, token, categories[0], after, limit);
        }

        var several = SelectEvent + "WHERE e.category = ANY($1) AND e.position > $2 ORDER BY e.position LIMIT $3";
        return (after, limit, token) => ReadPageAsync(several, token, categories, after, limit);
    }

    /// <summary>Reads one page and returns the connection to the pool before the caller sees any of it.</summary>
    private async ValueTask<IReadOnlyList<RecordedEvent>> ReadPageAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        try
        {
            return await ReadPageCoreAsync(sql, cancellationToken, parameters).ConfigureAwait(false);
        }
        catch (Exception exception) when (PostgresFaults.IsDriverFault(exception))
        {
            throw PostgresFaults.Translate(exception);
        }
    }

    private async ValueTask<IReadOnlyList<RecordedEvent>> ReadPageCoreAsync(string sql, CancellationToken cancellationToken, object[] parameters)
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
