using Affairs.Domain.EventStore;
using Affairs.Host;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var storeDescription = builder.Services.AddEventStore(builder.Configuration);

var app = builder.Build();

app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
app.MapGet("/health/ready", async (IEventStore store, CancellationToken cancellationToken) =>
{
    await foreach (var _ in store.ReadAllAsync(SubscriptionFilter.All, 0, 1, cancellationToken))
    {
    }

    return Results.Ok(new { status = "ready" });
});

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Affairs is running on {Urls} with {Store}", string.Join(", ", app.Urls), storeDescription));
await app.RunAsync();
