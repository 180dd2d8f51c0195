namespace Affairs.Host.Endpoints;

/// <summary>The grid a resident lives in.</summary>
internal sealed record AssignGridRequest(string GridId);
