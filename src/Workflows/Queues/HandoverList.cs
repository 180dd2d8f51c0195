namespace Affairs.Workflows.Queues;

/// <summary>What A finds on returning from their last absence: steps back with A, and steps B keeps.</summary>
/// <param name="StaffId">The returning A holder.</param>
/// <param name="AwayFrom">The start of the absence, if A had one that has ended.</param>
/// <param name="AwayTo">Its end.</param>
/// <param name="Items">The steps.</param>
public sealed record HandoverList(string StaffId, DateTimeOffset? AwayFrom, DateTimeOffset? AwayTo, IReadOnlyList<HandoverItem> Items);
