namespace Affairs.Workflows.Streams;

/// <summary>The production id source: version-7 GUIDs, ordered by the injected clock's time.</summary>
public sealed class TimeOrderedIdSource(TimeProvider timeProvider) : IIdSource
{
    /// <inheritdoc />
    public Guid NewId() => Guid.CreateVersion7(timeProvider.GetUtcNow());
}
