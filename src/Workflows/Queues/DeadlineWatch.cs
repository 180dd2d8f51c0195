namespace Affairs.Workflows.Queues;

/// <summary>The open steps past a deadline, and those whose deadline is near.</summary>
/// <param name="Overdue">Steps past their step or statutory deadline.</param>
/// <param name="DueSoon">Steps with a deadline within the window.</param>
/// <param name="DueSoonWorkingDays">The window, in working days.</param>
/// <param name="AsOf">The moment it was computed for.</param>
public sealed record DeadlineWatch(IReadOnlyList<QueueItem> Overdue, IReadOnlyList<QueueItem> DueSoon, int DueSoonWorkingDays, DateTimeOffset AsOf);
