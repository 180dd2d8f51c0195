using System.Threading.Channels;
using Affairs.EventStore;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite;

/// <summary>
/// The single writer with group commit: one thread takes every append that is waiting, decides each one against the
/// state inside one write transaction, and commits them all with one fsync. A conflict is decided before anything of
/// that append is written, so it fails only its own caller; the others commit.
/// </summary>
internal sealed partial class SqliteWriter : IDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly SqliteConnection _connection;
    private readonly SqliteEventStoreOptions _options;
    private readonly CommitNotifier _notifier;
    private readonly CommittedTail _tail;
    private readonly List<RecordedEvent> _committed = [];
    private readonly Thread _thread;
    private readonly WriterCommands _commands;
    private readonly Dictionary<string, long> _categoryIds = new(StringComparer.Ordinal);
    private long _commits;
    private long _appends;

    public SqliteWriter(SqliteConnection connection, SqliteEventStoreOptions options, CommitNotifier notifier, CommittedTail tail)
    {
        _tail = tail;
        _connection = connection;
        _options = options;
        _notifier = notifier;
        _commands = new WriterCommands(connection);
        _thread = new Thread(Run) { IsBackground = true, Name = "affairs-sqlite-writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed and appends they carried: their ratio is the group-commit factor.</summary>
    public (long Commits, long Appends) Counters => (Interlocked.Read(ref _commits), Interlocked.Read(ref _appends));

    public Task<AppendResult> Enqueue(PendingAppend append)
    {
        if (!_queue.Writer.TryWrite(append))
        {
            append.Fail(new ObjectDisposedException(nameof(SqliteEventStore)));
        }

        return append.Task;
    }

    private void Run()
    {
        var batch = new List<PendingAppend>(_options.MaxAppendsPerCommit);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < _options.MaxAppendsPerCommit && reader.TryRead(out var append))
            {
                if (append.CancellationToken.IsCancellationRequested)
                {
                    append.Cancel();
                }
                else
                {
                    batch.Add(append);
                }
            }

            if (batch.Count > 0)
            {
                CommitBatch(batch);
            }
        }
    }

    private void CommitBatch(List<PendingAppend> batch)
    {
        _committed.Clear();
        try
        {
            using (var transaction = _connection.BeginTransaction(deferred: false))
            {
                _commands.Enlist(transaction);
                var nextPosition = _commands.LastPosition() + 1;
                var recorded = _options.TimeProvider.GetUtcNow().UtcTicks;
                var streams = new Dictionary<string, StreamState>(StringComparer.Ordinal);
                foreach (var append in batch)
                {
                    append.Outcome = Decide(append, streams, recorded, ref nextPosition);
                }

                transaction.Commit();
            }

            // Before anyone is told: a subscription woken by this commit finds its events held.
            _tail.Add(_committed);

            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _appends, batch.Count);

            foreach (var append in batch)
            {
                append.Complete();
            }
        }
        catch (Exception exception)
        {
            // The transaction rolled back as a whole: no append of this batch was written, so each caller is told so.
            _categoryIds.Clear();
            _tail.Clear();
            var fault = SqliteFaults.Translate(exception);
            foreach (var append in batch)
            {
                append.Fail(fault);
            }
        }
        finally
        {
            _commands.Enlist(null);
        }

        _notifier.Notify();
    }

    private object Decide(PendingAppend append, Dictionary<string, StreamState> streams, long recorded, ref long nextPosition)
    {
        var name = append.Stream.Value;
        if (!streams.TryGetValue(name, out var state))
        {
            state = _commands.FindStream(name);
            streams[name] = state;
        }

        var decision = AppendDecision.Decide(append.Expected, state.Revision, append.Events.Count);
        if (decision.Kind == AppendDecisionKind.CheckRetry)
        {
            var stored = _commands.EventIds(state.Id, decision.RetryFrom, decision.RetryTo);
            if (AppendDecision.IsRetry(stored, append.Events))
            {
                return new AppendResult(decision.RetryTo, _commands.PositionOf(state.Id, decision.RetryTo));
            }
        }

        if (decision.Kind == AppendDecisionKind.Conflict || (decision.Kind == AppendDecisionKind.CheckRetry && decision.ConflictUnlessRetry))
        {
            return new WrongExpectedRevisionException(append.Stream, append.Expected, state.Revision);
        }

        var categoryId = CategoryId(append.Stream.Category);
        if (state.Id == 0)
        {
            state = state with { Id = _commands.InsertStream(name, categoryId) };
        }

        var revision = state.Revision;
        foreach (var @event in append.Events)
        {
            _commands.InsertEvent(nextPosition, state.Id, ++revision, categoryId, @event, recorded);
            _committed.Add(new RecordedEvent(
                append.Stream, revision, nextPosition++, @event.EventId, @event.Type, @event.Data.ToArray(), @event.Metadata.ToArray(), new DateTimeOffset(recorded, TimeSpan.Zero)));
        }

        streams[name] = state with { Revision = revision };
        return new AppendResult(revision, nextPosition - 1);
    }

    private long CategoryId(string category)
    {
        if (!_categoryIds.TryGetValue(category, out var id))
        {
            id = _commands.EnsureCategory(category);
            _categoryIds[category] = id;
        }

        return id;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _commands.Dispose();
    }
}
