namespace Affairs.Workflows.Queues;

/// <summary>Where a step stands when A returns.</summary>
public enum HandoverDisposition
{
    /// <summary>B covered it and did not act on it: it is back with A.</summary>
    ReturnedToA,

    /// <summary>B acted on it while covering: it stays with B until the step ends.</summary>
    KeptByB,
}
