namespace Affairs.Host.Endpoints;

/// <summary>
/// Every route of the HTTP API under <c>/api</c>, one group per file. A new group is one file with a static
/// <c>Map(IEndpointRouteBuilder)</c> and one line here. Each route names its operation, summary and success answer;
/// problems and the common headers are derived from its metadata (<c>OpenApi/OperationContract.cs</c>).
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapAffairsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.AddEndpointFilter(Requests.RouteIds.Filter);
        CaseEndpoints.Map(api);
        AffairTypeEndpoints.Map(api);
        PolicyEndpoints.Map(api);
        CalendarEndpoints.Map(api);
        ResidentEndpoints.Map(api);
        HouseholdEndpoints.Map(api);
        OrganisationEndpoints.Map(api);
        FeedEndpoints.Map(api);
        QueueEndpoints.Map(api);
        LedgerEndpoints.Map(api);
        ApiKeyEndpoints.Map(api);
        HealthEndpoints.Map(app);
        return app;
    }
}
