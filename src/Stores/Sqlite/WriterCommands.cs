using System.Globalization;
using System.Runtime.InteropServices;
using Affairs.EventStore;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite;

/// <summary>The writer's statements, prepared once and reused for every batch.</summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly SqliteCommand _lastPosition;
    private readonly SqliteCommand _findStream;
    private readonly SqliteCommand _insertStream;
    private readonly SqliteCommand _findCategory;
    private readonly SqliteCommand _insertCategory;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _eventIds;
    private readonly SqliteCommand _positionOf;
    private readonly SqliteCommand[] _all;

    public WriterCommands(SqliteConnection connection)
    {
        _lastPosition = Create(connection, "SELECT COALESCE(MAX(position), 0) FROM events");
        _findStream = Create(connection,
            "SELECT s.id, COALESCE((SELECT MAX(e.revision) FROM events e WHERE e.stream_id = s.id), -1) FROM streams s WHERE s.name = $name",
            "$name");
        _insertStream = Create(connection, "INSERT INTO streams (name, category_id) VALUES ($name, $category) RETURNING id", "$name", "$category");
        _findCategory = Create(connection, "SELECT id FROM categories WHERE name = $name", "$name");
        _insertCategory = Create(connection, "INSERT INTO categories (name) VALUES ($name) RETURNING id", "$name");
        _insertEvent = Create(connection,
            "INSERT INTO events (position, stream_id, revision, category_id, event_id, type, data, metadata, recorded) " +
            "VALUES ($position, $stream, $revision, $category, $id, $type, $data, $metadata, $recorded)",
            "$position", "$stream", "$revision", "$category", "$id", "$type", "$data", "$metadata", "$recorded");
        _eventIds = Create(connection,
            "SELECT event_id FROM events WHERE stream_id = $stream AND revision BETWEEN $from AND $to ORDER BY revision",
            "$stream", "$from", "$to");
        _positionOf = Create(connection, "SELECT position FROM events WHERE stream_id = $stream AND revision = $revision", "$stream", "$revision");
        _all = [_lastPosition, _findStream, _insertStream, _findCategory, _insertCategory, _insertEvent, _eventIds, _positionOf];
    }

    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    public long LastPosition() => Scalar(_lastPosition);

    public StreamState FindStream(string name)
    {
        _findStream.Parameters[0].Value = name;
        using var reader = _findStream.ExecuteReader();
        return reader.Read() ? new StreamState(reader.GetInt64(0), reader.GetInt64(1)) : new StreamState(0, StreamRevision.None);
    }

    public long InsertStream(string name, long categoryId)
    {
        _insertStream.Parameters[0].Value = name;
        _insertStream.Parameters[1].Value = categoryId;
        return Scalar(_insertStream);
    }

    public long EnsureCategory(string name)
    {
        _findCategory.Parameters[0].Value = name;
        if (_findCategory.ExecuteScalar() is long id)
        {
            return id;
        }

        _insertCategory.Parameters[0].Value = name;
        return Scalar(_insertCategory);
    }

    public void InsertEvent(long position, long streamId, long revision, long categoryId, EventToAppend @event, long recorded)
    {
        var p = _insertEvent.Parameters;
        p[0].Value = position;
        p[1].Value = streamId;
        p[2].Value = revision;
        p[3].Value = categoryId;
        p[4].Value = @event.EventId.ToByteArray();
        p[5].Value = @event.Type;
        p[6].Value = Bytes(@event.Data);
        p[7].Value = Bytes(@event.Metadata);
        p[8].Value = recorded;
        _insertEvent.ExecuteNonQuery();
    }

    public IReadOnlyList<Guid> EventIds(long streamId, long from, long to)
    {
        _eventIds.Parameters[0].Value = streamId;
        _eventIds.Parameters[1].Value = from;
        _eventIds.Parameters[2].Value = to;
        var ids = new List<Guid>();
        using var reader = _eventIds.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(new Guid(reader.GetFieldValue<byte[]>(0)));
        }

        return ids;
    }

    public long PositionOf(long streamId, long revision)
    {
        _positionOf.Parameters[0].Value = streamId;
        _positionOf.Parameters[1].Value = revision;
        return Scalar(_positionOf);
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private static byte[] Bytes(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    private static long Scalar(SqliteCommand command) =>
        Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
