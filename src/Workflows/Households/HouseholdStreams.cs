using Affairs.Domain.EventStore;
using Affairs.Domain.Households;
using Affairs.Domain.Rejections;
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

    /// <inheritdoc />
    public Household Apply(Household state, object @event) => HouseholdFold.Apply(state, @event);
}
