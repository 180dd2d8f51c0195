namespace Affairs.Workflows.Audit;

/// <summary>The result of recomputing one stream's hash chain.</summary>
/// <param name="Stream">The stream checked.</param>
/// <param name="EventsChecked">How many events were recomputed.</param>
/// <param name="FirstBrokenRevision">The first event whose stored hash does not match, or null when the chain is whole.</param>
/// <param name="Problem">What does not match, in words.</param>
public sealed record ChainCheck(string Stream, long EventsChecked, long? FirstBrokenRevision, string? Problem)
{
    /// <summary>Whether every event matched.</summary>
    public bool Valid => FirstBrokenRevision is null;
}
