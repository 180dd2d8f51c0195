using Affairs.Domain.Privacy;
using Affairs.Domain.Staffing;

namespace Affairs.Host.Endpoints;

/// <summary>A new member of staff.</summary>
internal sealed record RegisterStaffRequest(string StaffId, [property: PersonalData(PersonalDataKind.Name)] string Name);

/// <summary>Defines or redefines a post.</summary>
internal sealed record DefinePostRequest(string Name, List<string> AffairTypes, int? TakeoverDelayWorkingDays);

/// <summary>Who holds a post: A works it, B takes over when A is away or late.</summary>
internal sealed record AssignHoldersRequest(string AHolderId, string BHolderId, string Reason);

/// <summary>A period a member of staff is away, half-open.</summary>
internal sealed record RegisterAbsenceRequest(string StaffId, DateTimeOffset From, DateTimeOffset To, AbsenceKind Kind);

/// <summary>Appoints the section head.</summary>
internal sealed record AppointSupervisorRequest(string StaffId);

/// <summary>Defines or redefines a grid with its worker and backup.</summary>
internal sealed record DefineGridRequest(string Name, string WorkerId, string BackupWorkerId);
