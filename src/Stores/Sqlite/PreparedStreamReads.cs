using System.Collections.Concurrent;
using System.Globalization;
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

    /// <summary>Runs <paramref name="sql"/> (parameters <c>$name</c> and <c>$from</c>; <c>$limit</c> is written into the text) and maps every row.</summary>
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
        /// <summary>How many statement texts one session keeps prepared; a read with yet another limit runs unkept.</summary>
        private const int MaxKept = 32;

        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Session(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public List<RecordedEvent> Read(string sql, string stream, long from, int limit, Func<SqliteDataReader, RecordedEvent> map)
        {
            // The limit goes into the text: binding a new value to a LIMIT parameter expires the prepared statement, and
            // SQLite would compile it again on every read. A read takes few distinct limits (the page size, a tail).
            var command = Prepared(sql.Replace("$limit", limit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), out var cached);
            try
            {
                command.Parameters[0].Value = stream;
                command.Parameters[1].Value = from;
                var page = new List<RecordedEvent>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    page.Add(map(reader));
                }

                return page;
            }
            finally
            {
                if (!cached)
                {
                    command.Dispose();
                }
            }
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }

        /// <summary>The statement for <paramref name="sql"/>, prepared once and kept (up to <see cref="MaxKept"/> texts).</summary>
        private SqliteCommand Prepared(string sql, out bool cached)
        {
            cached = true;
            if (_commands.TryGetValue(sql, out var command))
            {
                return command;
            }

            command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("$name", SqliteType.Text);
            command.Parameters.Add("$from", SqliteType.Integer);
            command.Prepare();
            if (_commands.Count < MaxKept)
            {
                _commands[sql] = command;
            }
            else
            {
                cached = false;
            }

            return command;
        }
    }
}
