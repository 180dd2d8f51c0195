using Affairs.EventStore;

namespace Affairs.Stores.Sqlite;

/// <summary>
/// The last events this process's writer committed, in position order, so that a subscription woken by that commit
/// takes them from memory instead of querying the file again (every host runs several subscriptions, and each would
/// otherwise open a connection, prepare and run a query per commit, most of them to find nothing in its category).
/// The tail is contiguous: a commit that does not follow the last one held (another process wrote in between, or a
/// commit's outcome is unknown) starts it afresh, and a reader whose position it does not cover reads the file.
/// </summary>
internal sealed class CommittedTail(int capacity) : IRecentCommits
{
    private readonly Lock _gate = new();
    private readonly RecordedEvent[] _ring = new RecordedEvent[capacity];
    private int _start;
    private int _count;

    /// <inheritdoc />
    public long LastPosition
    {
        get
        {
            lock (_gate)
            {
                return _count == 0 ? 0 : _ring[(_start + _count - 1) % _ring.Length].Position;
            }
        }
    }

    /// <summary>Adds a commit's events (in position order) after the ones held, or in their place when not contiguous.</summary>
    public void Add(List<RecordedEvent> committed)
    {
        if (committed.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_count > 0 && committed[0].Position != _ring[(_start + _count - 1) % _ring.Length].Position + 1)
            {
                Clear();
            }

            foreach (var @event in committed)
            {
                if (_count == _ring.Length)
                {
                    _ring[_start] = null!;
                    _start = (_start + 1) % _ring.Length;
                    _count--;
                }

                _ring[(_start + _count) % _ring.Length] = @event;
                _count++;
            }
        }
    }

    /// <summary>Forgets what is held: the next commit starts the tail again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _start = 0;
            _count = 0;
        }
    }

    /// <inheritdoc />
    public bool TryRead(SubscriptionFilter filter, long after, int limit, out IReadOnlyList<RecordedEvent> page)
    {
        lock (_gate)
        {
            page = [];
            if (_count == 0)
            {
                return false;
            }

            var first = _ring[_start].Position;
            var last = _ring[(_start + _count - 1) % _ring.Length].Position;
            if (after < first - 1 || after > last)
            {
                return false;
            }

            var found = new List<RecordedEvent>();
            for (var i = (int)(after + 1 - first); i < _count && found.Count < limit; i++)
            {
                var @event = _ring[(_start + i) % _ring.Length];
                if (filter.Matches(@event.Stream))
                {
                    found.Add(@event);
                }
            }

            page = found;
            return true;
        }
    }
}
