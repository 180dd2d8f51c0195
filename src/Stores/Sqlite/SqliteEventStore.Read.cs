using Affairs.EventStore;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite;

public sealed partial class SqliteEventStore
{
    private const string SelectEvent =
        "SELECT e.position, e.revision, e.event_id, e.type, e.data, e.metadata, e.recorded, s.name FROM events e JOIN streams s ON s.id = e.stream_id ";

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, CancellationToken cancellationToken = default)
    {
        var sql = SelectEvent + (direction == ReadDirection.Forwards
            ? "WHERE s.name = $name AND e.revision >= $from ORDER BY e.revision LIMIT $limit"
            : "WHERE s.name = $name AND e.revision <= $from ORDER BY e.revision DESC LIMIT $limit");
        return EventPages.ReadStreamAsync(direction, fromRevision, maxCount, _options.ReadPageSize,
            (from, limit, token) =>
            {
                token.ThrowIfCancellationRequested();
                return Paged(Guarded(() => _streamReads.Read(sql, stream.Value, from, limit, Map)), limit);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EventPages.ReadLogAsync(afterPosition, maxCount, _options.ReadPageSize, LogPages(filter), cancellationToken);
    }

    private EventPages.PageReader LogPages(SubscriptionFilter filter) =>
        (after, limit, token) => Paged(Guarded(() => ReadLogPage(filter, after, limit, token)), limit);

    /// <summary>Runs one page read, reporting SQLite's faults as the port's.</summary>
    private static List<RecordedEvent> Guarded(Func<List<RecordedEvent>> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (SqliteFaults.IsDriverFault(exception))
        {
            throw SqliteFaults.Translate(exception);
        }
    }

    /// <summary>
    /// Hands a full page on asynchronously, so that a long read never runs page after page on the caller's stack; a
    /// short page is the last, and goes on at once (most stream reads are one short page: no thread hop for them).
    /// </summary>
    private static ValueTask<IReadOnlyList<RecordedEvent>> Paged(List<RecordedEvent> page, int limit) =>
        page.Count < limit ? ValueTask.FromResult<IReadOnlyList<RecordedEvent>>(page) : Yielded(page);

    private static async ValueTask<IReadOnlyList<RecordedEvent>> Yielded(List<RecordedEvent> page)
    {
        await Task.Yield();
        return page;
    }

    private List<RecordedEvent> ReadLogPage(SubscriptionFilter filter, long after, int limit, CancellationToken cancellationToken)
    {
        if (filter.IsAll)
        {
            return ReadPage(SelectEvent + "WHERE e.position > $after ORDER BY e.position LIMIT $limit", cancellationToken, ("$after", after), ("$limit", limit));
        }

        var names = filter.Categories.Select((_, i) => "$c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return ReadPage(
            SelectEvent + $"WHERE e.category_id IN (SELECT id FROM categories WHERE name IN ({string.Join(", ", names)})) AND e.position > $after ORDER BY e.position LIMIT $limit",
            cancellationToken,
            [.. filter.Categories.Select((category, i) => (names[i], (object)category)), ("$after", after), ("$limit", limit)]);
    }

    /// <summary>
    /// Reads one page and closes the connection before the caller sees any of it, so that a slow consumer never holds
    /// a read snapshot open (which would stop WAL checkpoints).
    /// </summary>
    private List<RecordedEvent> ReadPage(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var page = new List<RecordedEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            page.Add(Map(reader));
        }

        return page;
    }

    private static RecordedEvent Map(SqliteDataReader reader) => new(
        new StreamName(reader.GetString(7)),
        reader.GetInt64(1),
        reader.GetInt64(0),
        new Guid(reader.GetFieldValue<byte[]>(2)),
        reader.GetString(3),
        reader.GetFieldValue<byte[]>(4),
        reader.GetFieldValue<byte[]>(5),
        new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero));
}
