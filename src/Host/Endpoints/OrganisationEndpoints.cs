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
        organisation.MapGet("/", Get).RequireAuthorization(AccessPolicies.OrganisationRead).WithName("GetOrganisation")
            .WithSummary("Reads the organisation: staff, posts and holders, absences, the supervisor, grids.").Produces<OrganisationView>();
        organisation.MapPost("/staff", RegisterStaff).RequireAuthorization(AccessPolicies.Administer).WithName("RegisterStaff")
            .WithSummary("Registers a staff member.").Produces<StaffRevision>(StatusCodes.Status201Created);
        organisation.MapPut("/posts/{postId}", DefinePost).RequireAuthorization(AccessPolicies.Administer).WithName("DefinePost")
            .WithSummary("Defines or changes a post and the affair types it handles.").Produces<PostRevision>();
        organisation.MapPut("/posts/{postId}/holders", AssignHolders).RequireAuthorization(AccessPolicies.Administer).WithName("AssignPostHolders")
            .WithSummary("Assigns a post's A and B holders.").Produces<PostRevision>();
        organisation.MapPost("/absences", RegisterAbsence).RequireAuthorization(AccessPolicies.Absences).WithName("RegisterAbsence")
            .WithSummary("Registers a staff member's absence; their B holder takes over meanwhile.").Produces<AbsenceRevision>(StatusCodes.Status201Created);
        organisation.MapDelete("/absences/{absenceId}", CancelAbsence).RequireAuthorization(AccessPolicies.Absences).WithName("CancelAbsence")
            .WithSummary("Cancels a registered absence, with a reason.").Produces<OrganisationRevision>();
        organisation.MapPut("/supervisor", AppointSupervisor).RequireAuthorization(AccessPolicies.Administer).WithName("AppointSupervisor")
            .WithSummary("Appoints the supervisor (section head).").Produces<OrganisationRevision>();
        organisation.MapPut("/grids/{gridId}", DefineGrid).RequireAuthorization(AccessPolicies.Administer).WithName("DefineGrid")
            .WithSummary("Defines or changes a grid and its worker and backup worker.").Produces<GridRevision>();
        organisation.MapGet("/staff/{staffId}", GetStaff).RequireAuthorization(AccessPolicies.OrganisationRead).WithName("GetStaffMember")
            .WithSummary("One member of staff: the posts and grids they hold, their absences")
            .Produces<StaffMember>();
        organisation.MapGet("/absences/{absenceId}", GetAbsence).RequireAuthorization(AccessPolicies.OrganisationRead).WithName("GetAbsence")
            .WithSummary("One registered absence")
            .Produces<Absence>();
    }

    private static async Task<IResult> Get(OrganisationDirectory directory, CancellationToken ct)
    {
        var (organisation, revision) = await directory.CurrentAsync(ct);
        return TypedResults.Ok(new OrganisationView(
            revision,
            organisation.Staff.Order(StringComparer.Ordinal),
            organisation.Posts.Values.OrderBy(p => p.Id, StringComparer.Ordinal),
            organisation.Absences.Values.OrderBy(a => a.From),
            organisation.SupervisorId,
            organisation.Grids.Values.OrderBy(g => g.Id, StringComparer.Ordinal)));
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
