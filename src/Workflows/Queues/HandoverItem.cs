namespace Affairs.Workflows.Queues;

/// <summary>One step on A's handover list.</summary>
/// <param name="Item">The step, with who holds it now.</param>
/// <param name="Disposition">Back with A, or kept by B.</param>
/// <param name="ActsWhileAway">How many acts others recorded on the step while A was away.</param>
/// <param name="Escalations">How many takeovers were recorded on the step.</param>
public sealed record HandoverItem(QueueItem Item, HandoverDisposition Disposition, int ActsWhileAway, int Escalations);
