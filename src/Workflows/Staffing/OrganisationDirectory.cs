using Affairs.Domain.EventStore;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Staffing;

/// <summary>
/// The organisation, folded from its stream and kept in memory: before each use it reads only the events appended since
/// it last looked (one short read), so a command always decides on the current organisation — the one read model a
/// command may consult, because "who is responsible right now" depends on it.
/// </summary>
public sealed class OrganisationDirectory(StreamRepository streams, AffairsOptions options) : IStateFold<Organisation>
{
    private Snapshot _current = new(Organisation.Empty, StreamRevision.None, string.Empty);

    private sealed record Snapshot(Organisation Organisation, long Revision, string LastHash);

    /// <summary>The organisation's stream.</summary>
    public StreamName Stream { get; } = StreamName.For("organisation", options.CentreId);

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
    /// Callers read concurrently, without a lock: each reads what was appended after the snapshot it started from, so
    /// its answer is at least as new as the stream was when it called, and the newest snapshot read is kept for the next.
    /// </remarks>
    public async Task<(Organisation Organisation, long Revision)> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref _current);
        var organisation = snapshot.Organisation;
        var revision = snapshot.Revision;
        var hash = snapshot.LastHash;
        await foreach (var recorded in streams.Store.ReadStreamAsync(Stream, ReadDirection.Forwards, revision + 1, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var decoded = streams.Codec.Decode(recorded);
            organisation = organisation.Apply(decoded.Event);
            revision = recorded.Revision;
            hash = decoded.Hash;
        }

        if (revision != snapshot.Revision)
        {
            Keep(new Snapshot(organisation, revision, hash));
        }

        return (organisation, revision);
    }

    /// <summary>Keeps <paramref name="read"/> unless a concurrent caller already kept a newer one.</summary>
    private void Keep(Snapshot read)
    {
        var seen = Volatile.Read(ref _current);
        while (seen.Revision < read.Revision)
        {
            var previous = Interlocked.CompareExchange(ref _current, read, seen);
            if (ReferenceEquals(previous, seen))
            {
                return;
            }

            seen = previous;
        }
    }
}
