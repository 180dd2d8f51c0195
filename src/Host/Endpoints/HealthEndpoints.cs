using Affairs.EventStore;
using Affairs.Host.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Affairs.Host.Endpoints;

/// <summary>
/// <c>/health/live</c>: the process answers; <c>/health/ready</c>: the store answers a read (while it cannot be reached,
/// 503 <c>store.unavailable</c> with <c>Retry-After</c>, from the exception handler).
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", Live).WithName("Live").WithSummary("Answers while the process runs.");
        health.MapGet("/ready", ReadyAsync).WithName("Ready").WithSummary("Answers once the store answers a read; 503 while it cannot be reached.").ReadsStore();

        // Probes that ask with HEAD get the same status and no body; not in the document, which would otherwise list
        // each probe twice.
        health.MapMethods("/live", [HttpMethods.Head], () => TypedResults.Ok()).ExcludeFromDescription();
        health.MapMethods("/ready", [HttpMethods.Head], async (IEventStore store, CancellationToken ct) =>
        {
            await ReadOneAsync(store, ct);
            return TypedResults.Ok();
        }).ExcludeFromDescription();
    }

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("live"));

    private static async Task<Ok<HealthStatus>> ReadyAsync(IEventStore store, CancellationToken ct)
    {
        await ReadOneAsync(store, ct);
        return TypedResults.Ok(new HealthStatus("ready"));
    }

    /// <summary>Reads the log's first event, or nothing from an empty one: what "the store answers" means.</summary>
    private static async Task ReadOneAsync(IEventStore store, CancellationToken ct)
    {
        await foreach (var _ in store.ReadAllAsync(SubscriptionFilter.All, 0, 1, ct))
        {
        }
    }
}
