using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Queues;

/// <summary>One case step in a queue, with who is responsible for it now and its deadlines.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AffairTypeId">Its affair type.</param>
/// <param name="State">The current step.</param>
/// <param name="Handler">The step's handler (<c>post:dibao</c>, <c>grid:g-01</c>, <c>supervisor</c>).</param>
/// <param name="ResponsibleId">Who is responsible now; null only when no supervisor is appointed.</param>
/// <param name="Role">A, B or supervisor.</param>
/// <param name="Reason">Why it is not with A, if it is not.</param>
/// <param name="Alert">Whether the supervisor is alerted (A and B both away, or nobody assigned).</param>
/// <param name="StepStartedAt">When the case entered the step.</param>
/// <param name="StepDeadline">When the step's time limit runs out, if it has one.</param>
/// <param name="StatutoryDeadline">The earliest running statutory deadline, with extensions, if any.</param>
/// <param name="Overdue">Whether a deadline has passed.</param>
/// <param name="DueSoon">Whether a deadline falls within the due-soon window.</param>
/// <param name="Provisional">Whether a deadline shown was counted across a year whose calendar is not published.</param>
public sealed record QueueItem(
    string CaseId,
    string AffairTypeId,
    string State,
    string Handler,
    string? ResponsibleId,
    ActingRole Role,
    TakeoverReason? Reason,
    bool Alert,
    DateTimeOffset StepStartedAt,
    DateTimeOffset? StepDeadline,
    DateTimeOffset? StatutoryDeadline,
    bool Overdue,
    bool DueSoon,
    bool Provisional);
