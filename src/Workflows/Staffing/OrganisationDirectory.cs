using Affairs.EventStore;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Staffing;

/// <summary>
/// The organisation, folded from its stream and kept in memory: before each use it reads only the events appended since
/// it last looked (one short read), so a command always decides on the current organisation — the one read model a
/// command may consult, because "who is responsible right now" depends on it. <see cref="CatalogFollower"/> also hands it
/// every change any host makes, so it is read ahead of the next use.
/// </summary>
public sealed class OrganisationDirectory(StreamRepository streams, AffairsOptions options) : IStateFold<Organisation>, IFollowedCatalog
{
    /// <summary>The stream category of organisations.</summary>
    public const string Category = "organisation";

    private readonly Lock _gate = new();
    private volatile Snapshot _current = new(Organisation.Empty, StreamRevision.None, string.Empty);
    private TaskCompletionSource<(Organisation Organisation, long Revision)>? _waiting;
    private bool _reading;

    private sealed record Snapshot(Organisation Organisation, long Revision, string LastHash);

    /// <summary>The organisation's stream.</summary>
    public StreamName Stream { get; } = StreamName.For(Category, options.CentreId);

    /// <inheritdoc />
    string IFollowedCatalog.Category => Category;

    /// <inheritdoc />
    public Organisation Initial => Organisation.Empty;

    /// <inheritdoc />
    public Organisation Apply(Organisation state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Apply(@event);
    }

    /// <summary>The organisation as of now, with the revision it was read at.</summary>
    /// <remarks>
    /// Callers that arrive while a read is running wait for the next one, which starts after they arrived, so every
    /// answer is at least as new as the stream was at the call; under load one short read serves many commands.
    /// </remarks>
    public Task<(Organisation Organisation, long Revision)> CurrentAsync(CancellationToken cancellationToken = default)
    {
        Task<(Organisation Organisation, long Revision)> answer;
        var start = false;
        lock (_gate)
        {
            _waiting ??= new TaskCompletionSource<(Organisation Organisation, long Revision)>(TaskCreationOptions.RunContinuationsAsynchronously);
            answer = _waiting.Task;
            if (!_reading)
            {
                _reading = start = true;
            }
        }

        if (start)
        {
            _ = Task.Run(ReadForWaitersAsync, CancellationToken.None);
        }

        return answer.WaitAsync(cancellationToken);
    }

    /// <summary>Reads the change <paramref name="recorded"/> made to this centre's organisation, unless it is already read.</summary>
    async Task IFollowedCatalog.FollowAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        if (recorded.Stream == Stream && recorded.Revision > _current.Revision)
        {
            await CurrentAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Refuses (400, naming <paramref name="field"/>) a grid id the organisation does not define; no grid given is fine.</summary>
    public async Task RequireGridAsync(string? gridId, string field, CancellationToken cancellationToken = default)
    {
        if (gridId is not null && !(await CurrentAsync(cancellationToken).ConfigureAwait(false)).Organisation.Grids.ContainsKey(gridId))
        {
            new ValidationErrors().Add(field, "No grid has this id.").ThrowIfAny();
        }
    }

    /// <summary>Reads for everyone waiting, again and again, until no one is.</summary>
    private async Task ReadForWaitersAsync()
    {
        while (true)
        {
            TaskCompletionSource<(Organisation Organisation, long Revision)> waiters;
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _reading = false;
                    return;
                }

                waiters = _waiting;
                _waiting = null;
            }

            try
            {
                waiters.SetResult(await ReadTailAsync().ConfigureAwait(false));
            }
            catch (Exception error)
            {
                waiters.SetException(error);
            }
        }
    }

    /// <summary>Folds what was appended since the last read into the kept organisation.</summary>
    private async Task<(Organisation Organisation, long Revision)> ReadTailAsync()
    {
        var snapshot = _current;
        var organisation = snapshot.Organisation;
        var revision = snapshot.Revision;
        var hash = snapshot.LastHash;
        await foreach (var recorded in streams.Store.ReadStreamAsync(Stream, ReadDirection.Forwards, revision + 1, long.MaxValue).ConfigureAwait(false))
        {
            var decoded = streams.Codec.Decode(recorded);
            organisation = organisation.Apply(decoded.Event);
            revision = recorded.Revision;
            hash = decoded.Hash;
        }

        _current = new Snapshot(organisation, revision, hash);
        return (organisation, revision);
    }
}
