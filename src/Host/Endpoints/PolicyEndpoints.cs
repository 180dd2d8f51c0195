using Affairs.Domain.Policies;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Policies;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>Policy parameter sets (the local dibao line, subsidies): publish a version, read the timeline.</summary>
internal static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");
        policies.MapGet("/", List).RequireAuthorization(AccessPolicies.CatalogRead).WithName("ListPolicies")
            .WithSummary("Lists the newest version of every policy parameter set.").Produces<IReadOnlyList<PolicyParameterSet>>();
        policies.MapGet("/{id}", Timeline).RequireAuthorization(AccessPolicies.CatalogRead).WithName("GetPolicyTimeline")
            .WithSummary("Reads every version of a policy parameter set.").Produces<PolicyTimeline>();
        policies.MapGet("/{id}/in-force", InForce).RequireAuthorization(AccessPolicies.CatalogRead).WithName("GetPolicyInForce")
            .WithSummary("Reads the version of a policy parameter set in force on a date (today by default).").Produces<PolicyParameterSet>();
        policies.MapPost("/", Publish).RequireAuthorization(AccessPolicies.Administer).WithName("PublishPolicy")
            .WithSummary("Publishes a version of a policy parameter set, effective from a date.").Produces<PolicyRevision>(StatusCodes.Status201Created);
    }

    /// <summary>The parameter sets of every affair type that has one (a set's id is its affair type's id), newest version first.</summary>
    private static IResult List(PolicyCatalog catalog, AffairTypeCatalog types) => TypedResults.Ok(types.Ids
        .Select(id => catalog.Timeline(id).Versions)
        .Where(versions => versions.Count > 0)
        .Select(versions => versions.OrderByDescending(v => v.Version).First())
        .ToList());

    private static IResult Timeline(string id, PolicyCatalog catalog) =>
        catalog.Timeline(id) is { Versions.Count: > 0 } timeline
            ? TypedResults.Ok(timeline)
            : throw Domain.Rejections.CommandRejectedException.NotFound("policy.not-found", "No version of this policy is published.");

    private static IResult InForce(string id, DateOnly? on, PolicyCatalog catalog, TimeProvider time) =>
        catalog.InForce(id, on ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { } set
            ? TypedResults.Ok(set)
            : throw Domain.Rejections.CommandRejectedException.NotFound("policy.not-found", $"No version of policy '{id}' is in force then.");

    private static async Task<IResult> Publish(PolicyParameterSet set, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var published = await mediator.Send(new PublishPolicyParameters(set.Id, set.Version, set.EffectiveFrom, set.Values, RequestCommands.Context(http)), ct);
        return TypedResults.Created($"/api/policies/{published.PolicyId}", published);
    }
}
