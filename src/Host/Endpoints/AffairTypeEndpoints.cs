using System.Text;
using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Host.OpenApi;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.AffairTypes;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>Affair types: list, one version as published, diagrams, validate and publish (administrators), retire.</summary>
internal static class AffairTypeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var types = api.MapGroup("/affair-types").WithTags("Affair types");
        types.MapGet("/", List).RequireAuthorization(AccessPolicies.CatalogRead).WithName("ListAffairTypes")
            .WithSummary("Lists the affair types in the catalog with their versions.").Produces<IReadOnlyList<AffairTypeSummary>>();
        types.MapGet("/{id}/versions/{version:int}", GetVersion).RequireAuthorization(AccessPolicies.CatalogRead).WithName("GetAffairTypeVersion")
            .WithSummary("Reads one version of an affair type as published.").Produces<AffairTypeVersionView>();
        types.MapGet("/{id}/versions/{version:int}/data-schema", DataSchema).RequireAuthorization(AccessPolicies.CatalogRead).WithName("GetCaseDataSchema")
            .WithSummary("Answers the JSON Schema (draft 2020-12) of the data of a case of this version.").Produces<CaseDataSchema>();
        types.MapGet("/{id}/versions/{version:int}/diagram", Diagram).RequireAuthorization(AccessPolicies.CatalogRead).WithName("GetAffairTypeDiagram")
            .WithSummary("Draws the version's workflow as Mermaid, or as Graphviz dot with format=dot.").Produces<string>(StatusCodes.Status200OK, "text/vnd.mermaid", "text/vnd.graphviz");
        types.MapPost("/", Publish).RequireAuthorization(AccessPolicies.Administer).Accepts<JsonElement>("application/json").WithName("PublishAffairType")
            .WithSummary("Publishes a new version of an affair type from its definition.").Produces<PublishedAffairType>(StatusCodes.Status201Created);
        types.MapPost("/validate", Validate).RequireAuthorization(AccessPolicies.Administer).Accepts<JsonElement>("application/json").WithName("ValidateAffairType")
            .WithSummary("Checks a definition without publishing it.").Produces<DefinitionCheck>().ReadsOnly();
        types.MapPost("/{id}/versions/{version:int}/retire", Retire).RequireAuthorization(AccessPolicies.Administer).WithName("RetireAffairTypeVersion")
            .WithSummary("Retires a version: it opens no new cases; open cases go on.").Produces(StatusCodes.Status204NoContent);
    }

    private static IResult List(AffairTypeCatalog catalog) => TypedResults.Ok(catalog.Ids.Select(id =>
    {
        var versions = catalog.Versions(id);
        return new AffairTypeSummary(
            id,
            versions[^1].Type.Definition.Name,
            versions.LastOrDefault(v => !v.IsRetired)?.Type.Version,
            [.. versions.Select(v => new AffairTypeVersionSummary(v.Type.Version, v.IsRetired, v.RetiredReason, v.Type.ContentHash))]);
    }).ToList());

    private static IResult GetVersion(string id, int version, AffairTypeCatalog catalog)
    {
        var found = Find(catalog, id, version);
        using var definition = JsonDocument.Parse(found.Type.CanonicalJson);
        return TypedResults.Ok(new AffairTypeVersionView(id, version, found.IsRetired, found.RetiredReason, found.Type.ContentHash, definition.RootElement.Clone()));
    }

    private static IResult DataSchema(string id, int version, AffairTypeCatalog catalog) =>
        TypedResults.Ok(CaseDataSchema.For(Find(catalog, id, version).Type.Definition));

    private static IResult Diagram(string id, int version, string? format, AffairTypeCatalog catalog)
    {
        var type = Find(catalog, id, version).Type;
        return string.Equals(format, "dot", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Text(type.Dot, "text/vnd.graphviz")
            : TypedResults.Text(type.Mermaid, "text/vnd.mermaid");
    }

    private static async Task<IResult> Publish(HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var published = await mediator.Send(new PublishAffairType(await BodyAsync(http, ct), RequestCommands.Context(http)), ct);
        return TypedResults.Created(
            $"/api/affair-types/{published.AffairTypeId}/versions/{published.Version}",
            new PublishedAffairType(published.AffairTypeId, published.Version, published.ContentHash, published.Revision));
    }

    private static async Task<IResult> Validate(HttpContext http, CancellationToken ct)
    {
        var result = AffairTypeLoader.Load(await BodyAsync(http, ct));
        return result.IsValid
            ? TypedResults.Ok(new DefinitionCheck(true, result.Definition!.Id, result.Definition.Version))
            : throw AffairTypeCatalog.Invalid(result.Problems);
    }

    private static async Task<IResult> Retire(string id, int version, RetireRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RetireAffairTypeVersion(id, version, request.Reason ?? string.Empty, RequestCommands.Context(http)), ct);
        return TypedResults.NoContent();
    }

    private static AffairTypeVersion Find(AffairTypeCatalog catalog, string id, int version) =>
        catalog.Versions(id).FirstOrDefault(v => v.Type.Version == version)
            ?? throw Domain.Rejections.CommandRejectedException.NotFound("affair-type.not-found", $"No affair type '{id}' version {version} is published.");

    /// <summary>The definition as sent: JSON with comments allowed, so it is read as text and parsed by the loader.</summary>
    private static async Task<string> BodyAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send the definition as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }
}
