using System.Data;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Affairs.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Affairs.Stores.Postgres;

/// <summary>
/// Group commit: one loop takes every append that is waiting and hands them to <c>append_batch</c> in one statement,
/// which decides each against the stored state under the log-head lock and writes them in one implicit transaction
/// (one round trip, one WAL flush). A conflict fails only its own caller; the others commit. Callers are answered
/// only after the commit.
/// </summary>
internal sealed class PostgresWriter : IAsyncDisposable
{
    /// <summary>A group commit stops taking appends once it carries this much event data (it always takes one).</summary>
    private const long MaxBytesPerCommit = 16 * 1024 * 1024;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventStoreOptions _options;
    private readonly Func<CancellationToken, ValueTask> _ensureSchema;
    private readonly AppendSignal _signal;
    private readonly string _sql;
    private readonly string _channel;
    private readonly Task _loop;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;
    private long _commits;
    private long _appends;

    public PostgresWriter(NpgsqlDataSource dataSource, PostgresEventStoreOptions options, string channel, AppendSignal signal, Func<CancellationToken, ValueTask> ensureSchema)
    {
        _dataSource = dataSource;
        _options = options;
        _channel = channel;
        _signal = signal;
        _ensureSchema = ensureSchema;
        _sql = $"SELECT outcome, revision, log_position FROM {PostgresSchema.Quote(options.Schema)}.append_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Statements committed and appends they carried: their ratio is the group-commit factor.</summary>
    public (long Commits, long Appends) Counters => (Interlocked.Read(ref _commits), Interlocked.Read(ref _appends));

    /// <summary>Queues the append for the next group commit, unless it is already cancelled.</summary>
    public Task<AppendResult> Enqueue(PendingAppend append)
    {
        if (append.CancellationToken.IsCancellationRequested)
        {
            append.TrySetCanceled(append.CancellationToken);
        }
        else if (!_queue.Writer.TryWrite(append))
        {
            append.TrySetException(new ObjectDisposedException(nameof(PostgresEventStore)));
        }

        return append.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_options.MaxAppendsPerCommit);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var bytes = 0L;
            while (batch.Count < _options.MaxAppendsPerCommit && bytes < MaxBytesPerCommit && reader.TryRead(out var append))
            {
                if (append.CancellationToken.IsCancellationRequested)
                {
                    append.TrySetCanceled(append.CancellationToken);
                }
                else
                {
                    batch.Add(append);
                    bytes += append.Events.Sum(e => (long)e.Data.Length + e.Metadata.Length);
                }
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitBatchAsync(List<PendingAppend> batch)
    {
        var outcomes = new (short Outcome, long Revision, long Position)[batch.Count];
        try
        {
            await _ensureSchema(CancellationToken.None).ConfigureAwait(false);
            var command = await CommandAsync().ConfigureAwait(false);
            Bind(command, batch);
            if (!command.IsPrepared)
            {
                await command.PrepareAsync().ConfigureAwait(false);
            }

            // Disposing the reader reads up to ReadyForQuery: past that point the implicit transaction has committed.
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
            {
                for (; rows < outcomes.Length && await reader.ReadAsync().ConfigureAwait(false); rows++)
                {
                    outcomes[rows] = (reader.GetInt16(0), reader.GetInt64(1), reader.GetInt64(2));
                }
            }

            if (rows != batch.Count)
            {
                throw new InvalidOperationException($"append_batch answered {rows} outcomes for {batch.Count} appends.");
            }
        }
        catch (PostgresException) when (batch.Count > 1 && _connection?.FullState == ConnectionState.Open)
        {
            // The server refused the statement (say, text it cannot store): nothing was written. Commit the appends
            // one by one, so that only the append at fault fails.
            foreach (var append in batch)
            {
                await CommitBatchAsync([append]).ConfigureAwait(false);
            }

            return;
        }
        catch (Exception exception)
        {
            // After a server error nothing of the batch was written. After a lost connection the outcome is unknown;
            // a retry with the same event ids is then recognised as idempotent.
            await ResetAsync().ConfigureAwait(false);
            var fault = PostgresFaults.Translate(exception);
            foreach (var append in batch)
            {
                append.TrySetException(fault);
            }

            _signal.Pulse();
            return;
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _appends, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Complete(batch[i], outcomes[i]);
        }

        _signal.Pulse();
    }

    private static void Complete(PendingAppend append, (short Outcome, long Revision, long Position) outcome)
    {
        if (outcome.Outcome == 2)
        {
            append.TrySetException(new WrongExpectedRevisionException(append.Stream, append.Expected, outcome.Revision));
        }
        else
        {
            append.TrySetResult(new AppendResult(outcome.Revision, outcome.Position));
        }
    }

    private void Bind(NpgsqlCommand command, List<PendingAppend> batch)
    {
        var total = batch.Sum(a => a.Events.Count);
        var streams = new string[batch.Count];
        var categories = new string[batch.Count];
        var expected = new long[batch.Count];
        var counts = new int[batch.Count];
        var ids = new Guid[total];
        var types = new string[total];
        var data = new byte[total][];
        var metadata = new byte[total][];
        var at = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            streams[i] = append.Stream.Value;
            categories[i] = append.Stream.Category;
            expected[i] = append.Expected.Value;
            counts[i] = append.Events.Count;
            foreach (var @event in append.Events)
            {
                ids[at] = @event.EventId;
                types[at] = @event.Type;
                data[at] = Bytes(@event.Data);
                metadata[at] = Bytes(@event.Metadata);
                at++;
            }
        }

        var p = command.Parameters;
        ((NpgsqlParameter<string[]>)p[0]).TypedValue = streams;
        ((NpgsqlParameter<string[]>)p[1]).TypedValue = categories;
        ((NpgsqlParameter<long[]>)p[2]).TypedValue = expected;
        ((NpgsqlParameter<int[]>)p[3]).TypedValue = counts;
        ((NpgsqlParameter<Guid[]>)p[4]).TypedValue = ids;
        ((NpgsqlParameter<string[]>)p[5]).TypedValue = types;
        ((NpgsqlParameter<byte[][]>)p[6]).TypedValue = data;
        ((NpgsqlParameter<byte[][]>)p[7]).TypedValue = metadata;
        ((NpgsqlParameter<DateTimeOffset>)p[8]).TypedValue = _options.TimeProvider.GetUtcNow();
        ((NpgsqlParameter<string>)p[9]).TypedValue = _channel;
    }

    private async Task<NpgsqlCommand> CommandAsync()
    {
        if (_command is not null)
        {
            return _command;
        }

        _connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        _command = new NpgsqlCommand(_sql, _connection);
        _command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        _command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        _command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        _command.Parameters.Add(new NpgsqlParameter<int[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        _command.Parameters.Add(new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        _command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        _command.Parameters.Add(new NpgsqlParameter<byte[][]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        _command.Parameters.Add(new NpgsqlParameter<byte[][]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        _command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        _command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text });
        return _command;
    }

    /// <summary>Drops the writer's connection after a failure; the next batch opens a fresh one.</summary>
    private async ValueTask ResetAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync().ConfigureAwait(false);
            _command = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private static byte[] Bytes(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    /// <summary>Finishes the appends already queued, then closes the writer's connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await ResetAsync().ConfigureAwait(false);
    }
}
