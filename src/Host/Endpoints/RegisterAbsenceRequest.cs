using Affairs.Domain.Staffing;

namespace Affairs.Host.Endpoints;

/// <summary>A period a member of staff is away, half-open.</summary>
internal sealed record RegisterAbsenceRequest(string StaffId, DateTimeOffset From, DateTimeOffset To, AbsenceKind Kind);
