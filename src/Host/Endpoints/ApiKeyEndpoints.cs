using Affairs.Host.OpenApi;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.ApiKeys;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>API keys for administrators: issue (the secret is shown once), list, read, rotate, revoke.</summary>
internal static class ApiKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/keys").WithTags("API keys").RequireAuthorization(AccessPolicies.Administer);
        keys.MapPost("/", Issue).WithName("IssueApiKey")
            .WithSummary("Issues a key bound to a member of staff or to an integration client; the answer carries its secret, this once.")
            .Produces<IssuedApiKey>(StatusCodes.Status201Created).WithETag();
        keys.MapGet("/", List).WithName("ListApiKeys")
            .WithSummary("Lists every key with its binding and status, revoked and expired ones included; never a secret or its hash.")
            .Produces<ApiKeyList>();
        keys.MapGet("/{id}", Get).WithName("GetApiKey")
            .WithSummary("Reads one key, with its revision as ETag; never its secret or its hash.")
            .Produces<ApiKeyView>().WithETag();
        keys.MapPost("/{id}/rotate", Rotate).WithName("RotateApiKey")
            .WithSummary("Gives a key a new secret, shown this once; the old one works for graceMinutes more (default 0).")
            .Produces<IssuedApiKey>().WithIfMatch().WithETag();
        keys.MapPost("/{id}/revoke", Revoke).WithName("RevokeApiKey")
            .WithSummary("Revokes a key at once, with a reason; revoking it again changes nothing.")
            .Produces<ApiKeyView>().WithIfMatch().WithETag();
    }

    private static async Task<IResult> Issue(IssueKeyRequest r, HttpContext http, ApiKeyIssuer issuer, CancellationToken ct)
    {
        var issued = await issuer.IssueAsync(new ApiKeyBinding(r.StaffId, r.ClientId, r.Roles, r.Scopes), r.Label ?? string.Empty, r.ExpiresAt, RequestCommands.Context(http), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(issued.Key.Revision);
        return TypedResults.Created($"/api/keys/{issued.Key.KeyId}", issued);
    }

    private static async Task<IResult> List(IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListApiKeys(), ct));

    private static async Task<IResult> Get(string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var key = await mediator.Send(new GetApiKey(id), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(key.Revision);
        return TypedResults.Ok(key);
    }

    private static async Task<IResult> Rotate(string id, RotateKeyRequest? r, HttpContext http, ApiKeyIssuer issuer, CancellationToken ct)
    {
        var rotated = await issuer.RotateAsync(id, r?.GraceMinutes ?? 0, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(rotated.Key.Revision);
        return TypedResults.Ok(rotated);
    }

    private static async Task<IResult> Revoke(string id, RevokeKeyRequest r, HttpContext http, ApiKeyIssuer issuer, CancellationToken ct)
    {
        var revoked = await issuer.RevokeAsync(id, r.Reason ?? string.Empty, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http), ct);
        http.Response.Headers.ETag = RequestCommands.ETag(revoked.Revision);
        return TypedResults.Ok(revoked);
    }
}
