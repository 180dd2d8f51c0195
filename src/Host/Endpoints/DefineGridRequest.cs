namespace Affairs.Host.Endpoints;

/// <summary>Defines or redefines a grid with its worker and backup.</summary>
internal sealed record DefineGridRequest(string Name, string WorkerId, string BackupWorkerId);
