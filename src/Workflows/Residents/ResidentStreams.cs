using Affairs.EventStore;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Residents;

/// <summary>The <c>resident-{id}</c> streams and their fold.</summary>
public sealed class ResidentStreams : IStateFold<Resident>
{
    /// <summary>The fold, shared: it is stateless.</summary>
    public static ResidentStreams Fold { get; } = new();

    /// <inheritdoc />
    public Resident Initial => Resident.None;

    /// <summary>The stream of one resident.</summary>
    public static StreamName For(string residentId) => StreamName.For("resident", residentId);

    /// <summary>The resident as read, refusing a missing one (404) and one no longer active (422).</summary>
    /// <param name="loaded">The resident's stream as read.</param>
    /// <param name="residentId">The resident's id, for the messages.</param>
    /// <param name="allowMovedOut">Whether a resident who moved away still qualifies (a death can be recorded for them).</param>
    public static Resident RequireActive(LoadedStream<Resident> loaded, string residentId, bool allowMovedOut = false)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (!loaded.Exists)
        {
            throw CommandRejectedException.NotFound("resident.not-found", $"No resident {residentId} is recorded.");
        }

        if (loaded.State.Status != ResidentStatus.Active && !(allowMovedOut && loaded.State.Status == ResidentStatus.MovedOut))
        {
            throw new CommandRejectedException(
                RejectionKind.NotPermitted,
                "resident.not-active",
                $"Resident {residentId} is {loaded.State.Status.ToString().ToLowerInvariant()}; the record can no longer change.",
                new Dictionary<string, object?> { ["residentStatus"] = loaded.State.Status });
        }

        return loaded.State;
    }

    /// <summary>
    /// Runs a command on one resident's stream: <paramref name="decide"/> returns the events to append (none to change
    /// nothing), and the answer is the resident with the stream's revision after it.
    /// </summary>
    public static Task<ResidentRevision> ExecuteAsync(
        StreamRepository streams,
        string residentId,
        long? expectedRevision,
        IAffairsCommand command,
        Func<LoadedStream<Resident>, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(decide);
        return streams.ExecuteAsync(
            For(residentId),
            Fold,
            expectedRevision,
            command,
            loaded => new Decision<ResidentRevision>(decide(loaded), revision => new ResidentRevision(residentId, revision)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Resident Apply(Resident state, object @event) => ResidentFold.Apply(state, @event);
}
