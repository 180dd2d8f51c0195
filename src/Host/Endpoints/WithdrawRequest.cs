namespace Affairs.Host.Endpoints;

/// <summary>The applicant's reason for withdrawing.</summary>
internal sealed record WithdrawRequest(string? Reason);
