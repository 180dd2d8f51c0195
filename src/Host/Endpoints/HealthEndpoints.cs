using Affairs.EventStore;
using Affairs.Host.OpenApi;

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
        health.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live"))).WithName("Live").WithSummary("Answers while the process runs.");
        health.MapGet("/ready", async (IEventStore store, CancellationToken ct) =>
        {
            await foreach (var _ in store.ReadAllAsync(SubscriptionFilter.All, 0, 1, ct))
            {
            }

            return TypedResults.Ok(new HealthStatus("ready"));
        }).WithName("Ready").WithSummary("Answers once the store answers a read; 503 while it cannot be reached.").ReadsStore();
    }
}
