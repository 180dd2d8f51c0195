namespace Affairs.Domain.Staffing;

/// <summary>A grid with its grid worker and the worker's backup.</summary>
/// <param name="Id">The grid id.</param>
/// <param name="Name">Its name.</param>
/// <param name="WorkerId">The grid worker (the grid's A).</param>
/// <param name="BackupWorkerId">The backup (the grid's B).</param>
public sealed record Grid(string Id, string Name, string WorkerId, string BackupWorkerId);
