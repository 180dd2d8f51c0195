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

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/feed", Read).RequireAuthorization(AccessPolicies.FeedRead).WithTags("Feed").WithName("ReadFeed")
            .WithSummary("Reads the integration feed after a position: a JSON page (long poll) or server-sent events.")
            .Produces<FeedPage>().AddOpenApiOperationTransformer(DescribeEventStream);

    /// <summary>The same 200 as server-sent events (one content type per status is all <c>Produces</c> can say).</summary>
    private static Task DescribeEventStream(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
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
        if (category is { Length: > 0 } && (category.Contains('-', StringComparison.Ordinal) || category.Length > 50))
        {
            throw new Domain.Rejections.ValidationErrors().Add("category", "A category is a stream category such as case or resident.").ToException();
        }

        var query = new FeedQuery(Math.Max(0, resume), category, affairType, unmasked);
        if (http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            await ServerSentEvents.WriteAsync(http.Response, reader.StreamAsync(query, http.RequestAborted), http.RequestAborted);
            return;
        }

        var page = await reader.ReadPageAsync(query, Math.Clamp(max ?? 100, 1, MaxPage), TimeSpan.FromSeconds(Math.Clamp(wait ?? 20, 0, 60)), http.RequestAborted);
        await TypedResults.Json(page, PersonalDataJson.Unmasked).ExecuteAsync(http);
    }
}
