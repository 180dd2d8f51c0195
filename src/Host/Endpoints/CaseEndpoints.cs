using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.Host.OpenApi;
using Affairs.Host.Privacy;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Cases;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>Cases: open, read (now or replayed), fire triggers with If-Match, and the other acts on a case.</summary>
internal static class CaseEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", Open).RequireAuthorization(AccessPolicies.CasesWrite).WithName("OpenCase")
            .WithSummary("Opens a case of an affair type for a resident or household.").Produces<CaseRevision>(StatusCodes.Status201Created).WithETag();
        cases.MapGet("/{id}", Get).RequireAuthorization(AccessPolicies.CasesRead).WithName("GetCase")
            .WithSummary("Reads a case now, or as it was at a revision or instant.").Produces<CaseView>().WithETag();
        cases.MapPost("/{id}/triggers/{trigger}", Fire).RequireAuthorization(AccessPolicies.CasesWrite).WithName("FireTrigger")
            .WithSummary("Fires a trigger of the case's workflow, with the data it sets and a reason where required.").Produces<CaseRevision>().WithIfMatch();
        cases.MapGet("/{id}/permitted-triggers", Permitted).RequireAuthorization(AccessPolicies.CasesRead).WithName("GetPermittedTriggers")
            .WithSummary("Lists the triggers the caller may fire now, and why the others are refused.").Produces<PermittedTriggers>().WithETag();
        cases.MapGet("/{id}/history", History).RequireAuthorization(AccessPolicies.CasesRead).WithName("GetCaseHistory")
            .WithSummary("Lists the case's history: every event as a timeline entry.").Produces<IReadOnlyList<TimelineEntry>>();
        cases.MapGet("/{id}/verify", Verify).RequireAuthorization(AccessPolicies.Audit).WithName("VerifyCase")
            .WithSummary("Recomputes the case stream's hash chain.").Produces<ChainCheck>();
        cases.MapPost("/{id}/data", Amend).RequireAuthorization(AccessPolicies.CasesWrite).WithName("AmendCaseData")
            .WithSummary("Corrects data fields of the case, with a reason.").Produces<CaseRevision>().WithIfMatch();
        cases.MapPost("/{id}/materials", Attach).RequireAuthorization(AccessPolicies.CasesWrite).WithName("AttachMaterial")
            .WithSummary("Records a material received (its metadata and SHA-256; the file is kept elsewhere).").Produces<CaseRevision>().WithIfMatch();
        cases.MapPost("/{id}/notes", Note).RequireAuthorization(AccessPolicies.CasesWrite).WithName("AddNote")
            .WithSummary("Adds a note to the case.").Produces<CaseRevision>().WithIfMatch();
        cases.MapPost("/{id}/withdraw", Withdraw).RequireAuthorization(AccessPolicies.CasesWrite).WithName("WithdrawCase")
            .WithSummary("Withdraws the case at the applicant's request.").Produces<CaseRevision>().WithIfMatch();
        cases.MapPost("/{id}/reassign", Reassign).RequireAuthorization(AccessPolicies.CasesWrite).WithName("ReassignCase")
            .WithSummary("Hands the case to another staff member, with a reason.").Produces<CaseRevision>().WithIfMatch();
        cases.MapGet("/", List).RequireAuthorization(AccessPolicies.CasesRead).WithName("ListCases")
            .WithSummary("Lists cases by affair type, state, status, subject, post, handler and opening time, a page at a time")
            .Produces<CasePage>().ReadsBoard();
    }

    private static async Task<IResult> Open(OpenCaseRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenCase(request.AffairTypeId ?? string.Empty, request.Version, request.SubjectId ?? string.Empty, request.Channel ?? "counter", request.Data, RequestCommands.Context(http)), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(opened.Revision);
        return TypedResults.Created($"/api/cases/{opened.CaseId}", opened);
    }

    private static async Task<IResult> List([AsParameters] ListCasesRequest r, IMediator mediator, CalendarCatalog calendars, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var calendar = calendars.Current;
        var query = new FindCases(
            r.AffairType, r.State, ListQuery.Status(r.Status, errors), r.SubjectId, r.PostId, r.Handler,
            ListQuery.Moment(r.OpenedFrom, "openedFrom", rangeEnd: false, calendar.Zone, errors),
            ListQuery.Moment(r.OpenedTo, "openedTo", rangeEnd: true, calendar.Zone, errors),
            r.Cursor,
            ListQuery.Limit(r.Limit, errors));
        errors.ThrowIfAny();
        return TypedResults.Ok(await mediator.Send(query, ct));
    }

    private static async Task<IResult> Get(string id, long? revision, DateTimeOffset? at, HttpContext http, IMediator mediator, CaseEngine engine, CancellationToken ct)
    {
        var view = await mediator.Send(new GetCase(id, revision, at), ct);
        var unmasked = await CasePrivacy.SeesPersonalDataAsync(http.User, id, mediator, ct);
        var type = engine.Catalog.Resolve(view.AffairTypeId, view.DefinitionVersion);
        http.Response.Headers.ETag = RequestCommands.ETag(view.Revision);
        var data = new SortedDictionary<string, JsonElement>(unmasked ? view.Data.ToDictionary() : CaseDataMask.Apply(type, view.Data).ToDictionary(), StringComparer.Ordinal);
        return TypedResults.Json(view with { Data = data }, PersonalDataJson.For(unmasked));
    }

    private static Task<IResult> Fire(string id, string trigger, FireTriggerRequest? request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new FireTrigger(id, trigger, RequestCommands.ExpectedRevision(http), request?.Reason, request?.Data, RequestCommands.Context(http)), ct));

    private static async Task<IResult> Permitted(string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var permitted = await mediator.Send(new GetPermittedTriggers(id, Caller.ActorOf(http.User)), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(permitted.Revision);
        return TypedResults.Ok(permitted);
    }

    private static async Task<IResult> History(string id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCaseHistory(id), ct));

    private static async Task<IResult> Verify(string id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VerifyCase(id), ct));

    private static Task<IResult> Amend(string id, AmendDataRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new AmendData(id, request.Changes ?? [], request.Reason ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> Attach(string id, AttachMaterialRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new AttachMaterial(id, request.MaterialId ?? string.Empty, request.FileName ?? string.Empty, request.MediaType ?? string.Empty, request.SizeBytes, request.ContentHash ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> Note(string id, AddNoteRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new AddNote(id, request.Text ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> Withdraw(string id, WithdrawRequest? request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new WithdrawCase(id, request?.Reason, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> Reassign(string id, ReassignRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new ReassignCase(id, request.ToStaffId ?? string.Empty, request.Reason ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> Revised(HttpContext http, ValueTask<CaseRevision> command) => RequestCommands.Revised(http, command, r => r.Revision);
}
