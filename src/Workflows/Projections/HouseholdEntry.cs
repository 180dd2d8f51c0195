using Affairs.Domain.Households;

namespace Affairs.Workflows.Projections;

/// <summary>
/// One household in the <see cref="HouseholdIndex"/>: its folded state and where it stands in its stream and the log.
/// Immutable: an event makes a new entry.
/// </summary>
public sealed record HouseholdEntry
{
    internal HouseholdEntry(Household household) => Household = household;

    /// <summary>The household as folded from its stream (the same fold the commands use).</summary>
    public Household Household { get; internal init; }

    /// <summary>The stream revision of the last event applied.</summary>
    public long Revision { get; internal init; }

    /// <summary>The global log position of its registration: the order in which households are listed.</summary>
    public long RegisteredPosition { get; internal init; }
}
