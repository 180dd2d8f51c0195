using Affairs.Domain.Residents;
using Affairs.Host.OpenApi;
using Affairs.Host.Privacy;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.Households;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>Residents: register, read (masked unless the caller needs personal data), contact, grid, death, move-out.</summary>
internal static class ResidentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var residents = api.MapGroup("/residents").WithTags("Residents");
        residents.MapPost("/", Register).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("RegisterResident")
            .WithSummary("Registers a resident by identity number.").Produces<ResidentRevision>(StatusCodes.Status201Created).WithETag();
        residents.MapPost("/lookup", Lookup).RequireAuthorization(AccessPolicies.ResidentsLookup).WithName("LookupResident")
            .WithSummary("Answers the resident id of an identity number.").Produces<ResidentLookup>().RecordsRead();
        residents.MapPost("/search", Search).RequireAuthorization(AccessPolicies.ResidentsLookup).WithName("SearchResidentsByName")
            .WithSummary("Finds residents whose name contains the text given, with their households; each search is recorded.")
            .Produces<ResidentMatchPage>().RecordsRead().ReadsBoard();
        residents.MapGet("/{id}", Get).RequireAuthorization(AccessPolicies.ResidentsRead).WithName("GetResident")
            .WithSummary("Reads a resident, masked unless the caller may see personal data.").Produces<ResidentView>().WithETag().ReadsBoard();
        residents.MapPut("/{id}/contact", Contact).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("ChangeResidentContact")
            .WithSummary("Changes a resident's phone and address.").Produces<ResidentRevision>().WithIfMatch().WithETag();
        residents.MapPut("/{id}/grid", Grid).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("AssignResidentGrid")
            .WithSummary("Assigns a resident to a grid.").Produces<ResidentRevision>().WithETag();
        residents.MapPost("/{id}/death", Death).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("RecordResidentDeath")
            .WithSummary("Records a resident's death and its source.").Produces<ResidentRevision>().WithETag();
        residents.MapPost("/{id}/move-out", MoveOut).RequireAuthorization(AccessPolicies.ResidentsWrite).WithName("RecordResidentMoveOut")
            .WithSummary("Records that a resident moved out of the district.").Produces<ResidentRevision>().WithETag();
    }

    private static async Task<IResult> Register(RegisterResidentRequest r, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var registered = await mediator.Send(new RegisterResident(r.IdentityNumber ?? string.Empty, r.Name ?? string.Empty, r.Phone, r.Address, r.GridId, r.Gender, r.BirthDate, RequestCommands.Context(http)), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(registered.Revision);
        return TypedResults.Created($"/api/residents/{registered.ResidentId}", registered);
    }

    /// <summary>The number becomes its resident id here, so that only the keyed hash goes on to the command and its record.</summary>
    private static async Task<IResult> Lookup(LookupResidentRequest r, HttpContext http, ResidentPseudonym pseudonym, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await LookUpAsync(r.IdentityNumber, http, pseudonym, mediator, ct));

    /// <summary>The API's lookup and the console's: the number is checked, then only its keyed hash goes on.</summary>
    public static async Task<ResidentLookup> LookUpAsync(string? identityNumber, HttpContext http, ResidentPseudonym pseudonym, IMediator mediator, CancellationToken ct) =>
        IdentityNumber.TryParse(identityNumber, out var number, out var error)
            ? await mediator.Send(new LookUpResident(pseudonym.ResidentIdFor(number!), RequestCommands.Context(http)), ct)
            : throw new Domain.Rejections.ValidationErrors().Add("identityNumber", error ?? "Not an identity number.").ToException();

    /// <summary>The name travels in the body, never the URL, so no access log or trace holds it.</summary>
    private static async Task<IResult> Search(SearchResidentsRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Json(await SearchAsync(r.Name, r.Cursor, r.Limit ?? FindResidentsByName.DefaultLimit, http, mediator, ct), PersonalDataJson.For(Caller.SeesPersonalData(http.User)));

    /// <summary>The API's search by name and the console's: one page of matches, recorded by the ids it shows.</summary>
    public static async Task<ResidentMatchPage> SearchAsync(string? name, string? cursor, int limit, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var page = await mediator.Send(new FindResidentsByName(name ?? string.Empty, cursor, limit), ct);
        await mediator.Send(new RecordResidentsFoundByName([.. page.Items.Select(m => m.ResidentId)], RequestCommands.Context(http)), ct);
        return page;
    }

    private static async Task<IResult> Get(string id, HttpContext http, StreamRepository streams, IMediator mediator, CancellationToken ct)
    {
        var loaded = await streams.LoadAsync(ResidentStreams.For(id), ResidentStreams.Fold, cancellationToken: ct);
        var resident = ResidentStreams.RequireActive(loaded, id, allowMovedOut: true);
        var households = await mediator.Send(new GetResidentHouseholds(id), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(loaded.Revision);
        return TypedResults.Json(new ResidentView(resident, loaded.Revision, households), PersonalDataJson.For(Caller.SeesPersonalData(http.User)));
    }

    private static Task<IResult> Contact(string id, ChangeContactRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new ChangeResidentContact(id, r.Phone, r.Address, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)), ct));

    private static Task<IResult> Grid(string id, AssignGridRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new AssignResidentGrid(id, r.GridId ?? string.Empty, RequestCommands.Context(http)), ct));

    private static Task<IResult> Death(string id, RecordDeathRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new RecordResidentDeath(id, r.DateOfDeath, r.Source ?? string.Empty, RequestCommands.Context(http)), ct));

    private static Task<IResult> MoveOut(string id, RecordMoveOutRequest r, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Revised(http, mediator.Send(new RecordResidentMoveOut(id, r.On, RequestCommands.Context(http)), ct));

    private static Task<IResult> Revised(HttpContext http, ValueTask<ResidentRevision> command) => RequestCommands.Revised(http, command, r => r.Revision);
}
