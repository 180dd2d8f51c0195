using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.Staffing;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>The centre's organisation: staff, posts and their A and B holders, absences, the supervisor, grids.</summary>
internal static class OrganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var organisation = api.MapGroup("/organisation").WithTags("Organisation");
        organisation.MapGet("/", Get).RequireAuthorization(AccessPolicies.OrganisationRead).WithName("GetOrganisation");
        organisation.MapPost("/staff", RegisterStaff).RequireAuthorization(AccessPolicies.Administer).WithName("RegisterStaff");
        organisation.MapPut("/posts/{postId}", DefinePost).RequireAuthorization(AccessPolicies.Administer).WithName("DefinePost");
        organisation.MapPut("/posts/{postId}/holders", AssignHolders).RequireAuthorization(AccessPolicies.Administer).WithName("AssignPostHolders");
        organisation.MapPost("/absences", RegisterAbsence).RequireAuthorization(AccessPolicies.Absences).WithName("RegisterAbsence");
        organisation.MapDelete("/absences/{absenceId}", CancelAbsence).RequireAuthorization(AccessPolicies.Absences).WithName("CancelAbsence");
        organisation.MapPut("/supervisor", AppointSupervisor).RequireAuthorization(AccessPolicies.Administer).WithName("AppointSupervisor");
        organisation.MapPut("/grids/{gridId}", DefineGrid).RequireAuthorization(AccessPolicies.Administer).WithName("DefineGrid");
        organisation.MapGet("/staff/{staffId}", GetStaff).RequireAuthorization(AccessPolicies.OrganisationRead).WithName("GetStaffMember")
            .WithSummary("One member of staff: the posts and grids they hold, their absences")
            .Produces<StaffMember>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        organisation.MapGet("/absences/{absenceId}", GetAbsence).RequireAuthorization(AccessPolicies.OrganisationRead).WithName("GetAbsence")
            .WithSummary("One registered absence")
            .Produces<Absence>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Get(OrganisationDirectory directory, CancellationToken ct)
    {
        var (organisation, revision) = await directory.CurrentAsync(ct);
        return TypedResults.Ok(new
        {
            revision,
            staff = organisation.Staff.Order(StringComparer.Ordinal),
            posts = organisation.Posts.Values.OrderBy(p => p.Id, StringComparer.Ordinal),
            absences = organisation.Absences.Values.OrderBy(a => a.From),
            organisation.SupervisorId,
            grids = organisation.Grids.Values.OrderBy(g => g.Id, StringComparer.Ordinal),
        });
    }

    private static async Task<IResult> GetStaff(string staffId, OrganisationDirectory directory, CancellationToken ct)
    {
        var (organisation, _) = await directory.CurrentAsync(ct);
        return TypedResults.Ok(StaffMember.Of(organisation, staffId) ?? throw CommandRejectedException.NotFound("staff.not-found", "No member of staff with this id is registered."));
    }

    private static async Task<IResult> GetAbsence(string absenceId, OrganisationDirectory directory, CancellationToken ct)
    {
        var (organisation, _) = await directory.CurrentAsync(ct);
        return TypedResults.Ok(organisation.Absences.GetValueOrDefault(absenceId) ?? throw CommandRejectedException.NotFound("absence.not-found", "No absence with this id is registered."));
    }

    private static async Task<IResult> RegisterStaff(RegisterStaffRequest r, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var registered = await mediator.Send(new RegisterStaff(r.StaffId ?? string.Empty, r.Name ?? string.Empty, RequestCommands.Context(http)), ct);
        return TypedResults.Created($"/api/organisation/staff/{registered.StaffId}", registered);
    }

    private static async Task<IResult> DefinePost(string postId, DefinePostRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DefinePost(postId, r.Name ?? string.Empty, r.AffairTypes ?? [], r.TakeoverDelayWorkingDays ?? 1, RequestCommands.Context(http)), ct));

    private static async Task<IResult> AssignHolders(string postId, AssignHoldersRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AssignPostHolders(postId, r.AHolderId ?? string.Empty, r.BHolderId ?? string.Empty, r.Reason ?? string.Empty, RequestCommands.Context(http)), ct));

    private static async Task<IResult> RegisterAbsence(RegisterAbsenceRequest r, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var registered = await mediator.Send(new RegisterAbsence(r.StaffId ?? string.Empty, r.From, r.To, r.Kind, RequestCommands.Context(http)), ct);
        return TypedResults.Created($"/api/organisation/absences/{registered.AbsenceId}", registered);
    }

    private static async Task<IResult> CancelAbsence(string absenceId, string? reason, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelAbsence(absenceId, reason ?? string.Empty, RequestCommands.Context(http)), ct));

    private static async Task<IResult> AppointSupervisor(AppointSupervisorRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AppointSupervisor(r.StaffId ?? string.Empty, RequestCommands.Context(http)), ct));

    private static async Task<IResult> DefineGrid(string gridId, DefineGridRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DefineGrid(gridId, r.Name ?? string.Empty, r.WorkerId ?? string.Empty, r.BackupWorkerId ?? string.Empty, RequestCommands.Context(http)), ct));
}
