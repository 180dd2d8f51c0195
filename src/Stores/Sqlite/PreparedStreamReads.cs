using System.Collections.Concurrent;
using Affairs.EventStore;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite;

/// <summary>
/// Read-only connections kept open with the stream queries prepared, each lent to one read at a time: every command
/// reads its stream's tail before it decides, and preparing the query again for each read cost about as much as running
/// it. A connection holds no read snapshot between reads (its statement is reset when the read ends), so WAL checkpoints
/// are never held up; as many stay open as reads ran at once, as the connection pool kept before.
/// </summary>
internal sealed class PreparedStreamReads(string connectionString) : IDisposable
{
    private readonly ConcurrentBag<Session> _idle = [];
    private int _disposed;

    /// <summary>Runs <paramref name="sql"/> (parameters <c>$name</c>, <c>$from</c>, <c>$limit</c>) and maps every row.</summary>
    public List<RecordedEvent> Read(string sql, string stream, long from, int limit, Func<SqliteDataReader, RecordedEvent> map)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, typeof(SqliteEventStore));
        var session = _idle.TryTake(out var idle) ? idle : new Session(connectionString);
        try
        {
            var page = session.Read(sql, stream, from, limit, map);
            Return(session);
            return page;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        Drain();
    }

    private void Return(Session session)
    {
        _idle.Add(session);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Drain();
        }
    }

    private void Drain()
    {
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private sealed class Session : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Session(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public List<RecordedEvent> Read(string sql, string stream, long from, int limit, Func<SqliteDataReader, RecordedEvent> map)
        {
            var command = Prepared(sql);
            command.Parameters[0].Value = stream;
            command.Parameters[1].Value = from;
            command.Parameters[2].Value = limit;
            var page = new List<RecordedEvent>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                page.Add(map(reader));
            }

            return page;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }

        private SqliteCommand Prepared(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add("$name", SqliteType.Text);
                command.Parameters.Add("$from", SqliteType.Integer);
                command.Parameters.Add("$limit", SqliteType.Integer);
                command.Prepare();
                _commands[sql] = command;
            }

            return command;
        }
    }
}
