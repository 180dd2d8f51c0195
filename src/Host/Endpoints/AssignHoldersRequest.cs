namespace Affairs.Host.Endpoints;

/// <summary>Who holds a post: A works it, B takes over when A is away or late.</summary>
internal sealed record AssignHoldersRequest(string AHolderId, string BHolderId, string Reason);
