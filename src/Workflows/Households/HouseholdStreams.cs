using Affairs.EventStore;
using Affairs.Domain.Households;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Households;

/// <summary>The <c>household-{id}</c> streams and their fold.</summary>
public sealed class HouseholdStreams : IStateFold<Household>
{
    /// <summary>The fold, shared: it is stateless.</summary>
    public static HouseholdStreams Fold { get; } = new();

    /// <inheritdoc />
    public Household Initial => Household.None;

    /// <summary>The stream of one household.</summary>
    public static StreamName For(string householdId) => StreamName.For("household", householdId);

    /// <summary>The household as read, refusing a missing one.</summary>
    public static Household Require(LoadedStream<Household> loaded, string householdId)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Exists ? loaded.State : throw CommandRejectedException.NotFound("household.not-found", $"No household {householdId} is recorded.");
    }

    /// <summary>
    /// Runs a command on one household's stream: <paramref name="decide"/> returns the events to append (none to change
    /// nothing), and the answer is the household with the stream's revision after it.
    /// </summary>
    public static Task<HouseholdRevision> ExecuteAsync(
        StreamRepository streams,
        string householdId,
        long? expectedRevision,
        IAffairsCommand command,
        Func<LoadedStream<Household>, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(decide);
        return streams.ExecuteAsync(
            For(householdId),
            Fold,
            expectedRevision,
            command,
            loaded => new Decision<HouseholdRevision>(decide(loaded), revision => new HouseholdRevision(householdId, revision)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Household Apply(Household state, object @event) => HouseholdFold.Apply(state, @event);
}
