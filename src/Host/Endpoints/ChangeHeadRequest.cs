namespace Affairs.Host.Endpoints;

/// <summary>Names the new head.</summary>
internal sealed record ChangeHeadRequest(string HeadResidentId);
