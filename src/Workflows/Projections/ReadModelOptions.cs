namespace Affairs.Workflows.Projections;

/// <summary>
/// How the read models are kept and waited for (configuration section <c>Affairs:ReadModels</c> in the host). Register
/// one before <c>AddAffairs</c> to change the defaults.
/// </summary>
public sealed class ReadModelOptions
{
    /// <summary>Write the applied changes to storage once this many events were applied since the last write (1000 by default).</summary>
    public int SaveEvery { get; set; } = 1000;

    /// <summary>…or once this long has passed since the last write with changes pending (250 ms by default).</summary>
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a query given a log position waits for the read models to reach it before it answers 503 (5 s by default).</summary>
    public TimeSpan PositionWait { get; set; } = TimeSpan.FromSeconds(5);
}
