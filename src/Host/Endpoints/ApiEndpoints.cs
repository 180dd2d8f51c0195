namespace Affairs.Host.Endpoints;

/// <summary>
/// Every route of the HTTP API under <c>/api</c>, one group per file. A new group is one file with a static
/// <c>Map(IEndpointRouteBuilder)</c> and one line here.
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapAffairsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.AddEndpointFilter(Requests.RouteIds.Filter);
        CaseEndpoints.Map(api);
        AffairTypeEndpoints.Map(api);
        PolicyEndpoints.Map(api);
        ResidentEndpoints.Map(api);
        HouseholdEndpoints.Map(api);
        OrganisationEndpoints.Map(api);
        FeedEndpoints.Map(api);
        QueueEndpoints.Map(api);
        LedgerEndpoints.Map(api);
        HealthEndpoints.Map(app);
        return app;
    }
}
