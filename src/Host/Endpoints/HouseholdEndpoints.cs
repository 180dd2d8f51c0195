using Affairs.Domain.Rejections;
using Affairs.Host.OpenApi;
using Affairs.Host.Privacy;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.Households;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>Households: register, read, members, head.</summary>
internal static class HouseholdEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var households = api.MapGroup("/households").WithTags("Households");
        households.MapPost("/", Register).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("RegisterHousehold")
            .WithSummary("Registers a household with its head.").Produces<HouseholdRevision>(StatusCodes.Status201Created).WithETag();
        households.MapGet("/{id}", Get).RequireAuthorization(AccessPolicies.ResidentsRead).WithName("GetHousehold")
            .WithSummary("Reads a household and its members.").Produces<HouseholdView>().WithETag();
        households.MapPost("/{id}/members", AddMember).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("AddHouseholdMember")
            .WithSummary("Adds a resident to a household, with their relation to the head.").Produces<HouseholdRevision>().WithIfMatch().WithETag();
        households.MapDelete("/{id}/members/{residentId}", RemoveMember).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("RemoveHouseholdMember")
            .WithSummary("Removes a member from a household, with a reason.").Produces<HouseholdRevision>().WithIfMatch().WithETag();
        households.MapPut("/{id}/head", ChangeHead).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("ChangeHouseholdHead")
            .WithSummary("Makes another member the head of the household.").Produces<HouseholdRevision>().WithIfMatch().WithETag();
        households.MapGet("/", List).RequireAuthorization(AccessPolicies.ResidentsRead).WithName("ListHouseholds")
            .WithSummary("Lists households, of one grid or all, a page at a time")
            .Produces<HouseholdPage>().ReadsBoard();
    }

    private static async Task<IResult> Register(RegisterHouseholdRequest r, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var registered = await mediator.Send(new RegisterHousehold(r.HeadResidentId ?? string.Empty, r.Address, r.GridId, RequestCommands.Context(http)), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(registered.Revision);
        return TypedResults.Created($"/api/households/{registered.HouseholdId}", registered);
    }

    private static async Task<IResult> List(string? gridId, string? cursor, string? limit, IMediator mediator, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var query = new FindHouseholds(gridId, cursor, ListQuery.Limit(limit, errors));
        errors.ThrowIfAny();
        return TypedResults.Ok(await mediator.Send(query, ct));
    }

    private static async Task<IResult> Get(string id, HttpContext http, StreamRepository streams, CancellationToken ct)
    {
        var loaded = await streams.LoadAsync(HouseholdStreams.For(id), HouseholdStreams.Fold, cancellationToken: ct);
        var household = HouseholdStreams.Require(loaded, id);
        http.Response.Headers.ETag = RequestCommands.ETag(loaded.Revision);
        return TypedResults.Json(new HouseholdView(household, loaded.Revision), PersonalDataJson.For(Caller.SeesPersonalData(http.User)));
    }

    private static Task<IResult> AddMember(string id, AddMemberRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new AddHouseholdMember(id, r.ResidentId ?? string.Empty, r.Relation ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> RemoveMember(string id, string residentId, string? reason, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new RemoveHouseholdMember(id, residentId, reason ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> ChangeHead(string id, ChangeHeadRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new ChangeHouseholdHead(id, r.HeadResidentId ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> Revised(HttpContext http, ValueTask<HouseholdRevision> command) => RequestCommands.Revised(http, command, r => r.Revision);
}
