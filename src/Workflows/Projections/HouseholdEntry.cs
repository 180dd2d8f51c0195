using Affairs.Domain.Households;

namespace Affairs.Workflows.Projections;

/// <summary>One household in the <see cref="HouseholdIndex"/>: its folded state and where it stands in its stream and the log.</summary>
public sealed class HouseholdEntry
{
    internal HouseholdEntry(Household household) => Household = household;

    /// <summary>The household as folded from its stream (the same fold the commands use).</summary>
    public Household Household { get; internal set; }

    /// <summary>The stream revision of the last event applied.</summary>
    public long Revision { get; internal set; }

    /// <summary>The global log position of its registration: the order in which households are listed.</summary>
    public long RegisteredPosition { get; internal init; }
}
