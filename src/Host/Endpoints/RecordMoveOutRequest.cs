namespace Affairs.Host.Endpoints;

/// <summary>The day a resident moved out.</summary>
internal sealed record RecordMoveOutRequest(DateOnly On);
