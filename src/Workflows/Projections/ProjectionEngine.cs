using System.Diagnostics;
using Affairs.EventStore;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Events;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Affairs.Workflows.Projections;

/// <summary>
/// Keeps the <see cref="CaseBoard"/> up to date from the log, and, given an <see cref="IReadModelStore"/>, kept between
/// runs. An event is applied and the checkpoint advanced in one step under one gate, and an event at or below the
/// checkpoint is skipped, so every event has its effect exactly once however many readers (the hosted subscription, a
/// catch-up, a test) feed it. After each batch the engine publishes a new immutable board: readers take the board
/// published last and never wait for the gate.
/// </summary>
/// <remarks>
/// <para><b>Kept between runs.</b> The changed rows and the checkpoint are written together in one transaction, in
/// batches (every <see cref="ReadModelOptions.SaveEvery"/> events, at most <see cref="ReadModelOptions.SaveInterval"/>
/// after a change, and when a catch-up reaches the head), so an event costs no write of its own. A start loads the
/// stored board and resumes from its checkpoint; a crash between batches replays from the checkpoint that was stored
/// with the rows. A board stored by another <see cref="BoardFormat.Version"/> is not loaded: the engine replays the
/// log from position 0 and replaces it.</para>
/// <para><b>Queries.</b> While the hosted subscription runs, a query reads the published board; it waits (bounded) for
/// a position it asks for (<see cref="WaitForAsync"/>), and for what this process itself committed, so one host reads
/// its own writes. Without a subscription (an embedding that runs no background loops, a test) a query first catches
/// the board up itself.</para>
/// <para><b>Rebuild.</b> A fresh board is built from position 0 aside while queries keep reading the current one; the
/// last gap is closed under the gate, the fresh board is published and stored in place of the old one.</para>
/// </remarks>
public sealed partial class ProjectionEngine
{
    private const int PageSize = 2048;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IEventStore _store;
    private readonly EventCodec _codec;
    private readonly DeadlineCalculator _deadlines;
    private readonly TimeProvider _time;
    private readonly IReadModelStore? _saved;
    private readonly ReadModelOptions _options;
    private readonly CommitPositions? _commits;
    private readonly ILogger<ProjectionEngine> _logger;
    private readonly HashSet<long> _unreadable = [];
    private CaseBoard.Builder _builder;
    private CaseBoard _board = CaseBoard.Empty;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _loaded;
    private bool _replaceSaved;
    private long _unsaved;
    private long _savedAt;
    private long _loadedCheckpoint;
    private int _following;
    private int _rebuilds;
    private double _lagSeconds;

    /// <summary>Creates the engine with an empty board and publishes its lag on the engine's meter.</summary>
    /// <param name="store">The log.</param>
    /// <param name="codec">Decodes what the board reads.</param>
    /// <param name="deadlines">The deadline rules the board's figures use.</param>
    /// <param name="time">The clock of the lag.</param>
    /// <param name="metrics">Where the lag is published.</param>
    /// <param name="saved">Where the board is kept between runs; none keeps it in memory only.</param>
    /// <param name="options">Batching of writes and the bound of waits; defaults when null.</param>
    /// <param name="commits">What this process committed, for its own queries to wait for.</param>
    /// <param name="logger">Where a stored event the board cannot read is reported.</param>
    public ProjectionEngine(
        IEventStore store,
        EventCodec codec,
        DeadlineCalculator deadlines,
        TimeProvider time,
        AffairsMetrics metrics,
        IReadModelStore? saved = null,
        ReadModelOptions? options = null,
        CommitPositions? commits = null,
        ILogger<ProjectionEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _logger = logger ?? NullLogger<ProjectionEngine>.Instance;
        _store = store;
        _codec = codec;
        _deadlines = deadlines;
        _time = time;
        _saved = saved;
        _options = options ?? new ReadModelOptions();
        _commits = commits;
        _builder = CaseBoard.Empty.ToBuilder(deadlines);
        metrics.ObserveProjectionLag(() => LagSeconds);
    }

    /// <summary>The board published last: immutable, read without any lock.</summary>
    public CaseBoard Board => Volatile.Read(ref _board);

    /// <summary>The position of the last event applied to the published board.</summary>
    public long Checkpoint => Board.Checkpoint;

    /// <summary>The checkpoint the stored board was loaded at on start (0 when none was loaded).</summary>
    public long LoadedCheckpoint => Volatile.Read(ref _loadedCheckpoint);

    /// <summary>The lag last measured, in seconds (the gauge reads it).</summary>
    public double LagSeconds => Volatile.Read(ref _lagSeconds);

    /// <summary>Whether the hosted subscription is feeding the board.</summary>
    public bool Following => Volatile.Read(ref _following) > 0;

    /// <summary>Applies every event committed so far and stores what changed; returns how many were applied.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var applied = await CatchUpCoreAsync(cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <summary>Catches up, then follows the store's subscription until cancelled (what the hosted service runs).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _following);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var saver = SaveWhileIdleAsync(stop.Token);
        try
        {
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var recorded in _store.SubscribeAsync(SubscriptionFilter.All, Checkpoint, cancellationToken).ConfigureAwait(false))
            {
                await ApplyAsync([Decode(recorded)], cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _lagSeconds, Math.Max(0, (_time.GetUtcNow() - recorded.Recorded).TotalSeconds));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _following);
            await stop.CancelAsync().ConfigureAwait(false);
            await saver.ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                await SaveOnStopAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes what changed since the last write, with the checkpoint (nothing without a store or changes).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        if (_saved is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Measures the lag: the age of the oldest committed event not yet applied (0 when caught up).</summary>
    public async Task<ProjectionStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var pending in _store.ReadAllAsync(SubscriptionFilter.All, Checkpoint, 1, cancellationToken).ConfigureAwait(false))
        {
            Volatile.Write(ref _lagSeconds, Math.Max(0, (_time.GetUtcNow() - pending.Recorded).TotalSeconds));
            return new ProjectionStatus(Checkpoint, LagSeconds, _rebuilds);
        }

        Volatile.Write(ref _lagSeconds, 0);
        return new ProjectionStatus(Checkpoint, 0, _rebuilds);
    }

    /// <summary>
    /// Reads the published board. While the subscription runs this never waits for the projection, except (bounded by
    /// <see cref="ReadModelOptions.PositionWait"/>) for what this process committed; without it, the board is first
    /// caught up, so a query sees every event committed before it.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<CaseBoard, T> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!Following)
        {
            await CatchUpCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (_commits is { Highest: var own } && own > Checkpoint)
        {
            await WaitForAsync(own, _options.PositionWait, cancellationToken).ConfigureAwait(false);
        }

        return read(Board);
    }

    /// <summary>
    /// Waits until the published board has applied the event at <paramref name="position"/> (or any later one), at most
    /// <paramref name="timeout"/>; true when it has. Without a subscription it catches up instead of waiting.
    /// </summary>
    public async Task<bool> WaitForAsync(long position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (Checkpoint >= position)
        {
            return true;
        }

        if (!Following)
        {
            await CatchUpCoreAsync(cancellationToken).ConfigureAwait(false);
            return Checkpoint >= position;
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var next = Volatile.Read(ref _published).Task;
                if (Checkpoint >= position)
                {
                    return true;
                }

                await next.WaitAsync(bound.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Checkpoint >= position;
        }
    }

    /// <summary>
    /// Builds a new board from position 0 aside, while the current one keeps serving, then swaps it in at the same
    /// checkpoint and stores it in place of the old one. Returns the status after the swap.
    /// </summary>
    public Task<ProjectionStatus> RebuildAsync(CancellationToken cancellationToken = default) => RebuildAsync(null, cancellationToken);

    /// <summary>Rebuilds as <see cref="RebuildAsync(CancellationToken)"/> does, reporting the events applied so far after each page.</summary>
    public async Task<ProjectionStatus> RebuildAsync(IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        var fresh = CaseBoard.Empty.ToBuilder(_deadlines);
        long freshCheckpoint = 0;
        long applied = 0;
        while (true)
        {
            var page = await ReadPageAsync(freshCheckpoint, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var decoded in page)
            {
                Apply(fresh, decoded);
            }

            freshCheckpoint = page[^1].Recorded.Position;
            applied += page.Count;
            progress?.Report(applied);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadLockedAsync(cancellationToken).ConfigureAwait(false);
            var checkpoint = Board.Checkpoint;

            // Close the gap: the live board may have moved past what the fresh one read, or the other way round.
            await foreach (var recorded in _store.ReadAllAsync(SubscriptionFilter.All, freshCheckpoint, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                if (recorded.Position > checkpoint)
                {
                    break;
                }

                Apply(fresh, Decode(recorded));
                freshCheckpoint = recorded.Position;
            }

            _builder = fresh;
            _replaceSaved = true;
            _unsaved++;
            Publish(Math.Max(freshCheckpoint, checkpoint));
            _rebuilds++;
            await SaveLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return await StatusAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> CatchUpCoreAsync(CancellationToken cancellationToken)
    {
        long applied = 0;
        while (true)
        {
            if (!_loaded)
            {
                await ApplyAsync([], cancellationToken).ConfigureAwait(false);
            }

            var page = await ReadPageAsync(Checkpoint, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                Volatile.Write(ref _lagSeconds, 0);
                return applied;
            }

            applied += await ApplyAsync(page, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveOnStopAsync()
    {
        try
        {
            // A clean stop stores what was applied since the last batch, so the next start has less to replay.
            await SaveAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (EventStoreUnavailableException)
        {
            // Not stored: the next start replays it from the stored checkpoint.
        }
    }

    private async Task SaveWhileIdleAsync(CancellationToken cancellationToken)
    {
        if (_saved is null)
        {
            return;
        }

        try
        {
            while (true)
            {
                await Task.Delay(_options.SaveInterval, cancellationToken).ConfigureAwait(false);
                if (Volatile.Read(ref _unsaved) > 0)
                {
                    await SaveAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping; the subscription's own batches and the next start take it from the stored checkpoint.
        }
        catch (EventStoreUnavailableException)
        {
            // The subscription meets the same outage and retries; this saver starts again with it.
        }
    }

    private async Task<List<DecodedEvent>> ReadPageAsync(long after, CancellationToken cancellationToken)
    {
        var page = new List<DecodedEvent>(PageSize);
        await foreach (var recorded in _store.ReadAllAsync(SubscriptionFilter.All, after, PageSize, cancellationToken).ConfigureAwait(false))
        {
            page.Add(Decode(recorded));
        }

        return page;
    }

    /// <summary>
    /// The event as the board reads it. One whose stored data does not read as its type (changed outside the engine) is
    /// passed over and reported, once per position: stopping there would freeze every queue behind one damaged event,
    /// while the ledger's verification names it and a case that has it cannot be worked (its commands refuse).
    /// </summary>
    private DecodedEvent Decode(RecordedEvent recorded)
    {
        if (!CaseBoard.Reads(recorded.Type))
        {
            return Pass(recorded);
        }

        try
        {
            return _codec.Decode(recorded);
        }
        catch (StoredEventUnreadableException unreadable)
        {
            bool first;
            lock (_unreadable)
            {
                first = _unreadable.Add(recorded.Position);
            }

            if (first)
            {
                LogUnreadable(unreadable.Type, unreadable.Stream, unreadable.Revision, unreadable.Position);
            }

            return Pass(recorded);
        }
    }

    private static DecodedEvent Pass(RecordedEvent recorded) =>
        new(Skipped.Instance, recorded.Type, new(string.Empty, string.Empty, string.Empty, null), string.Empty, recorded);

    [LoggerMessage(Level = LogLevel.Error, Message = "The board passed over the stored event {Type} at revision {Revision} of {Stream} (log position {Position}): its data does not read as its type. Verify the ledger")]
    private partial void LogUnreadable(string type, string stream, long revision, long position);

    private async Task<long> ApplyAsync(IReadOnlyList<DecodedEvent> events, CancellationToken cancellationToken)
    {
        long applied = 0;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadLockedAsync(cancellationToken).ConfigureAwait(false);
            var checkpoint = Board.Checkpoint;
            foreach (var decoded in events)
            {
                if (decoded.Recorded.Position <= checkpoint)
                {
                    continue;
                }

                Apply(_builder, decoded);
                checkpoint = decoded.Recorded.Position;
                applied++;
            }

            if (applied > 0)
            {
                Publish(checkpoint);
                _unsaved += applied;
                if (_unsaved >= _options.SaveEvery || Stopwatch.GetElapsedTime(_savedAt) >= _options.SaveInterval)
                {
                    await SaveLockedAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return applied;
    }

    private async Task LoadLockedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        if (_saved is not null && await _saved.LoadAsync(BoardFormat.Model, cancellationToken).ConfigureAwait(false) is { } state)
        {
            if (state.Version == BoardFormat.Version)
            {
                _builder = BoardFormat.Load(state, _deadlines);
                Publish(state.Checkpoint);
                Volatile.Write(ref _loadedCheckpoint, state.Checkpoint);
            }
            else
            {
                // Stored by another version of the projection: replay the log and replace it at the first write.
                _replaceSaved = true;
            }
        }

        _savedAt = Stopwatch.GetTimestamp();
        _loaded = true;
    }

    private async Task SaveLockedAsync(CancellationToken cancellationToken)
    {
        if (_saved is null)
        {
            // Kept nowhere: nothing needs the changes.
            _builder.TakeChanges();
            _unsaved = 0;
            return;
        }

        if (_unsaved == 0)
        {
            return;
        }

        var board = Board;
        var rows = BoardFormat.Rows(board, _builder.PeekChanges());
        await _saved.SaveAsync(new ReadModelChanges(BoardFormat.Model, BoardFormat.Version, board.Checkpoint, rows, _replaceSaved), cancellationToken).ConfigureAwait(false);
        _builder.TakeChanges();
        _replaceSaved = false;
        Volatile.Write(ref _unsaved, 0);
        _savedAt = Stopwatch.GetTimestamp();
    }

    private void Publish(long checkpoint)
    {
        Volatile.Write(ref _board, _builder.ToImmutable(checkpoint));
        Interlocked.Exchange(ref _published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private static void Apply(CaseBoard.Builder board, DecodedEvent decoded)
    {
        if (decoded.Event is not Skipped)
        {
            board.Apply(decoded);
        }
    }

    private sealed class Skipped
    {
        public static Skipped Instance { get; } = new();
    }
}
