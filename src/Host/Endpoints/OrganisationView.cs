using Affairs.Domain.Staffing;

namespace Affairs.Host.Endpoints;

/// <summary>The centre's organisation now: staff, posts with their holders, absences, the supervisor and the grids.</summary>
internal sealed record OrganisationView(
    long Revision,
    IEnumerable<string> Staff,
    IEnumerable<Post> Posts,
    IEnumerable<Absence> Absences,
    string? SupervisorId,
    IEnumerable<Grid> Grids);
