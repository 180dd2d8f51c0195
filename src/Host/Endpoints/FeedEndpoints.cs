using Affairs.Domain.Staffing;
using Affairs.Host.Feed;
using Affairs.Host.Privacy;
using Affairs.Host.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Affairs.Host.Endpoints;

/// <summary>
/// The integration feed: <c>GET /api/feed?after=&lt;position&gt;</c> as a long poll (JSON page), or as server-sent
/// events when the client sends <c>Accept: text/event-stream</c> (resuming from <c>Last-Event-ID</c> too).
/// </summary>
internal static class FeedEndpoints
{
    private const int MaxPage = 1000;
    private const int MaxWait = 60;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/feed", Read).RequireAuthorization(AccessPolicies.FeedRead).WithTags("Feed").WithName("ReadFeed")
            .WithSummary("Reads the integration feed after a position: a JSON page (long poll) or server-sent events.")
            .Produces<FeedPage>().AddOpenApiOperationTransformer(Describe);

    /// <summary>
    /// The bounds of the query's numbers, and the same 200 as server-sent events (one content type per status is all
    /// <c>Produces</c> can say).
    /// </summary>
    private static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            (string? Minimum, string? Maximum, string? Description) bounds = parameter.Name switch
            {
                "after" => ("0", null, "The last position the client has (0, the default, for the start); the page begins after it. Last-Event-ID, when sent, takes its place."),
                "max" => ("1", MaxPage.ToString(System.Globalization.CultureInfo.InvariantCulture), "The most events in the page (default 100)."),
                "wait" => ("0", MaxWait.ToString(System.Globalization.CultureInfo.InvariantCulture), "Seconds to wait for an event when there is none yet (default 20)."),
                _ => (null, null, null),
            };
            if (bounds.Description is not null && parameter.Schema is OpenApiSchema schema)
            {
                schema.Minimum = bounds.Minimum;
                schema.Maximum = bounds.Maximum;
                parameter.Description = bounds.Description;
            }
        }

        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse { Content: { } content })
        {
            content["text/event-stream"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Server-sent events: each event's `data` is one FeedEvent as JSON and its `id` the feed position (send it back as Last-Event-ID).",
                },
            };
        }

        return Task.CompletedTask;
    }

    private static async Task Read(HttpContext http, FeedReader reader, long? after, string? category, string? affairType, int? max, int? wait)
    {
        var roles = Caller.Roles(http.User);
        var unmasked = roles.Contains(ActorRoles.Auditor) || Caller.HasScope(http.User, Scopes.PersonalDataRead);
        var resume = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var lastEventId) ? lastEventId : after ?? 0;
        // Out of range is an error, as a page size is everywhere else, not quietly another value.
        new Domain.Rejections.ValidationErrors()
            .AddIf(category is { Length: > 0 } && (category.Contains('-', StringComparison.Ordinal) || category.Length > 50), "category", "A category is a stream category such as case or resident.")
            .AddIf(after is < 0, "after", "A position is 0 (the start) or more.")
            .AddIf(max is < 1 or > MaxPage, "max", $"The page size is from 1 to {MaxPage}.")
            .AddIf(wait is < 0 or > MaxWait, "wait", $"The wait is from 0 to {MaxWait} seconds.")
            .ThrowIfAny();
        var query = new FeedQuery(Math.Max(0, resume), category, affairType, unmasked);
        if (http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            await ServerSentEvents.WriteAsync(http.Response, reader.StreamAsync(query, http.RequestAborted), http.RequestAborted);
            return;
        }

        var page = await reader.ReadPageAsync(query, max ?? 100, TimeSpan.FromSeconds(wait ?? 20), http.RequestAborted);
        await TypedResults.Json(page, PersonalDataJson.Unmasked).ExecuteAsync(http);
    }
}
