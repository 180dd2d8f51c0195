namespace Affairs.Workflows.Queues;

/// <summary>What one member of staff has to do now.</summary>
/// <param name="StaffId">The member of staff.</param>
/// <param name="AsA">Steps of their posts and grids that are theirs as A.</param>
/// <param name="AsB">Steps they hold as B: covering for an absent or late A, or kept because they acted while covering.</param>
/// <param name="AsSupervisor">Steps with them as supervisor: supervisor steps, and posts whose A and B are both away.</param>
/// <param name="Alerts">The supervisor items that carry an alert.</param>
/// <param name="AsOf">The moment responsibility was computed for.</param>
/// <param name="Checkpoint">The log position the read model had reached.</param>
/// <param name="CentreAlerts">For the supervisor: what the centre lacks that cases need (a calendar not yet published).</param>
public sealed record StaffQueue(
    string StaffId,
    IReadOnlyList<QueueItem> AsA,
    IReadOnlyList<QueueItem> AsB,
    IReadOnlyList<QueueItem> AsSupervisor,
    IReadOnlyList<QueueItem> Alerts,
    DateTimeOffset AsOf,
    long Checkpoint,
    IReadOnlyList<CentreAlert> CentreAlerts);
