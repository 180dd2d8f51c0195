using Affairs.EventStore;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Events;
using Affairs.Workflows.Pipeline;

namespace Affairs.Workflows.Projections;

/// <summary>
/// Keeps the <see cref="CaseBoard"/> up to date from the log. The board lives in memory together with its checkpoint:
/// an event is applied and the checkpoint advanced in one step under one gate, and an event at or below the checkpoint
/// is skipped, so every event has its effect exactly once however many readers (the hosted subscription, a query's
/// catch-up, a test) feed it. A restart rebuilds from position 0. A rebuild builds a fresh board aside from position 0
/// while queries keep reading the old one, then closes the last gap under the gate and swaps.
/// </summary>
public sealed class ProjectionEngine
{
    private const int PageSize = 2048;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IEventStore _store;
    private readonly EventCodec _codec;
    private readonly DeadlineCalculator _deadlines;
    private readonly TimeProvider _time;
    private CaseBoard _board;
    private long _checkpoint;
    private int _rebuilds;
    private double _lagSeconds;

    /// <summary>Creates the engine with an empty board and publishes its lag on the engine's meter.</summary>
    public ProjectionEngine(IEventStore store, EventCodec codec, DeadlineCalculator deadlines, TimeProvider time, AffairsMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _store = store;
        _codec = codec;
        _deadlines = deadlines;
        _time = time;
        _board = new CaseBoard(deadlines);
        metrics.ObserveProjectionLag(() => LagSeconds);
    }

    /// <summary>The position of the last event applied.</summary>
    public long Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>The lag last measured, in seconds (the gauge reads it).</summary>
    public double LagSeconds => Volatile.Read(ref _lagSeconds);

    /// <summary>Applies every event committed so far; returns how many were applied.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        long applied = 0;
        while (true)
        {
            var page = await ReadPageAsync(Checkpoint, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                Volatile.Write(ref _lagSeconds, 0);
                return applied;
            }

            applied += await ApplyAsync(page, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Catches up, then follows the store's subscription until cancelled (what the hosted service runs).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var recorded in _store.SubscribeAsync(SubscriptionFilter.All, Checkpoint, cancellationToken).ConfigureAwait(false))
        {
            await ApplyAsync([Decode(recorded)], cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lagSeconds, Math.Max(0, (_time.GetUtcNow() - recorded.Recorded).TotalSeconds));
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

    /// <summary>Reads the board under the gate, after catching up, so a query sees every event committed before it.</summary>
    public async Task<T> ReadAsync<T>(Func<CaseBoard, T> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(_board);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds a new board from position 0 aside, while the current one keeps serving, then swaps it in at the same
    /// checkpoint. Returns the status after the swap.
    /// </summary>
    public Task<ProjectionStatus> RebuildAsync(CancellationToken cancellationToken = default) => RebuildAsync(null, cancellationToken);

    /// <summary>Rebuilds as <see cref="RebuildAsync(CancellationToken)"/> does, reporting the events applied so far after each page.</summary>
    public async Task<ProjectionStatus> RebuildAsync(IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        var fresh = new CaseBoard(_deadlines);
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
            // Close the gap: the live board may have moved past what the fresh one read, or the other way round.
            await foreach (var recorded in _store.ReadAllAsync(SubscriptionFilter.All, freshCheckpoint, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                if (recorded.Position > _checkpoint)
                {
                    break;
                }

                Apply(fresh, Decode(recorded));
                freshCheckpoint = recorded.Position;
            }

            _board = fresh;
            Volatile.Write(ref _checkpoint, Math.Max(freshCheckpoint, _checkpoint));
            _rebuilds++;
        }
        finally
        {
            _gate.Release();
        }

        return await StatusAsync(cancellationToken).ConfigureAwait(false);
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

    private DecodedEvent Decode(RecordedEvent recorded) =>
        CaseBoard.Reads(recorded.Type) ? _codec.Decode(recorded) : new DecodedEvent(Skipped.Instance, recorded.Type, new(string.Empty, string.Empty, string.Empty, null), string.Empty, recorded);

    private async Task<long> ApplyAsync(IReadOnlyList<DecodedEvent> events, CancellationToken cancellationToken)
    {
        long applied = 0;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var decoded in events)
            {
                if (decoded.Recorded.Position <= _checkpoint)
                {
                    continue;
                }

                Apply(_board, decoded);
                Volatile.Write(ref _checkpoint, decoded.Recorded.Position);
                applied++;
            }
        }
        finally
        {
            _gate.Release();
        }

        return applied;
    }

    private static void Apply(CaseBoard board, DecodedEvent decoded)
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
