namespace Affairs.Workflows.Timers;

/// <summary>What one pass of the scheduler did.</summary>
/// <param name="Due">The timers that were due.</param>
/// <param name="Fired">Keys of the timers whose command was accepted (an answer replayed under the same key counts: the effect happened once).</param>
/// <param name="Settled">Keys of the timers that needed nothing more (already fired, here or by another host, or no longer applicable).</param>
public sealed record TimerRun(IReadOnlyList<DueTimer> Due, IReadOnlyList<string> Fired, IReadOnlyList<string> Settled);
