namespace Affairs.Workflows.Streams;

/// <summary>Where new ids come from, so that command handling stays deterministic under test.</summary>
public interface IIdSource
{
    /// <summary>A new, unique id.</summary>
    Guid NewId();
}
