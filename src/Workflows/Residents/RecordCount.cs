using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Residents;

/// <summary>
/// The state of a stream that only records (identity lookups, searches by name): how many records it holds. Nothing is
/// decided on it; appending after it is what keeps each record in order.
/// </summary>
internal sealed class RecordCount : IStateFold<long>
{
    public static RecordCount Fold { get; } = new();

    public long Initial => 0;

    public long Apply(long state, object @event) => state + 1;
}
