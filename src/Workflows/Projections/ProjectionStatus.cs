namespace Affairs.Workflows.Projections;

/// <summary>How far the read models are behind the log.</summary>
/// <param name="Checkpoint">The global position of the last event applied.</param>
/// <param name="LagSeconds">How long the oldest event not yet applied has been waiting; 0 when caught up.</param>
/// <param name="Rebuilds">How many times the read models were rebuilt since start.</param>
public sealed record ProjectionStatus(long Checkpoint, double LagSeconds, int Rebuilds);
