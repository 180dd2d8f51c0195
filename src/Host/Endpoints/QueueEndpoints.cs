using Affairs.Domain.Rejections;
using Affairs.Host.OpenApi;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Queues;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Statistics;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>
/// The AB-post work queues, deadlines, statistics and the projections behind them. Responsibility in a queue is worked
/// out when asked, from the organisation as it is now, so a late-registered absence shows at once.
/// </summary>
internal static class QueueEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("/me", Mine).RequireAuthorization(AccessPolicies.CasesWrite).WithName("GetMyQueue")
            .WithSummary("Lists the caller's work: as A, as B (covering) and as supervisor.").Produces<StaffQueue>().ReadsBoard();
        queues.MapGet("/me/handover", MyHandover).RequireAuthorization(AccessPolicies.CasesWrite).WithName("GetMyHandoverList")
            .WithSummary("Lists, on return from an absence, the steps back with the caller and those the B holder keeps.").Produces<HandoverList>().ReadsBoard();
        queues.MapGet("/staff/{staffId}", OfStaff).RequireAuthorization(AccessPolicies.Audit).WithName("GetStaffQueue")
            .WithSummary("Lists a staff member's work.").Produces<StaffQueue>().ReadsBoard();
        queues.MapGet("/posts/{postId}", OfPost).RequireAuthorization(AccessPolicies.CasesRead).WithName("GetPostQueue")
            .WithSummary("Lists the open cases of a post and who is responsible now.").Produces<PostQueue>().ReadsBoard();
        queues.MapGet("/overdue", Overdue).RequireAuthorization(AccessPolicies.CasesRead).WithName("GetOverdueWork")
            .WithSummary("Lists overdue and soon-due cases.").Produces<DeadlineWatch>().ReadsBoard();
        api.MapGet("/cases/{caseId}/deadlines", Deadlines).RequireAuthorization(AccessPolicies.CasesRead).WithTags("Cases").WithName("GetCaseDeadlines")
            .WithSummary("Lists a case's running and past deadlines.").Produces<CaseDeadlines>().ReadsBoard();
        api.MapGet("/statistics", Statistics).RequireAuthorization(AccessPolicies.Audit).WithTags("Statistics").WithName("GetStatistics")
            .WithSummary("Reports statistics per affair type and period over a date range.").Produces<StatisticsReport>().ReadsBoard();
        var projections = api.MapGroup("/projections").WithTags("Projections");
        projections.MapGet("/status", Status).RequireAuthorization(AccessPolicies.Audit).WithName("GetProjectionStatus")
            .WithSummary("Reads the position of each projection.").Produces<ProjectionStatus>();
        projections.MapPost("/rebuild", Rebuild).RequireAuthorization(AccessPolicies.Administer).WithName("RebuildProjections")
            .WithSummary("Rebuilds the projections from the log.").Produces<ProjectionStatus>();
    }

    private static async Task<IResult> Mine(HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStaffQueue(Caller.ActorOf(http.User).Id), ct));

    private static async Task<IResult> MyHandover(HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetHandoverList(Caller.ActorOf(http.User).Id), ct));

    private static async Task<IResult> OfStaff(string staffId, IMediator mediator, OrganisationDirectory directory, CancellationToken ct)
    {
        var (organisation, _) = await directory.CurrentAsync(ct);
        return organisation.Staff.Contains(staffId)
            ? TypedResults.Ok(await mediator.Send(new GetStaffQueue(staffId), ct))
            : throw CommandRejectedException.NotFound("staff.not-found", "No member of staff with this id is registered.");
    }

    private static async Task<IResult> OfPost(string postId, IMediator mediator, OrganisationDirectory directory, CancellationToken ct)
    {
        var (organisation, _) = await directory.CurrentAsync(ct);
        return organisation.Posts.ContainsKey(postId)
            ? TypedResults.Ok(await mediator.Send(new GetPostQueue(postId), ct))
            : throw CommandRejectedException.NotFound("post.not-found", "No post with this id is defined.");
    }

    private static async Task<IResult> Overdue(IMediator mediator, CancellationToken ct, int? dueSoonWorkingDays = null) =>
        TypedResults.Ok(await mediator.Send(new GetDeadlineWatch(dueSoonWorkingDays ?? 2), ct));

    private static async Task<IResult> Deadlines(string caseId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCaseDeadlines(caseId), ct));

    private static async Task<IResult> Statistics(DateOnly from, DateOnly to, IMediator mediator, CancellationToken ct, string? period = null, string? affairType = null)
    {
        if (!Enum.TryParse<StatisticsPeriod>(period ?? nameof(StatisticsPeriod.Year), ignoreCase: true, out var by) || !Enum.IsDefined(by))
        {
            throw CommandRejectedException.Invalid(new Dictionary<string, string[]>
            {
                ["period"] = [$"The period is one of {string.Join(", ", Enum.GetNames<StatisticsPeriod>().Select(n => n.ToLowerInvariant()))}."],
            });
        }

        return TypedResults.Ok(await mediator.Send(new GetStatistics(from, to, by, affairType), ct));
    }

    private static async Task<IResult> Status(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetProjectionStatus(), ct));

    private static async Task<IResult> Rebuild(HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RebuildProjections(RequestCommands.Context(http)), ct));
}
