using Affairs.Domain.EventStore;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Policies;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var storeOptions = builder.Configuration.GetSection("Store:Sqlite").Get<SqliteEventStoreOptions>() ?? new SqliteEventStoreOptions();
builder.Services.AddSingleton(_ => SqliteEventStore.Open(storeOptions));
builder.Services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqliteEventStore>());
builder.Services.AddSingleton(sp => new AffairTypeCatalog(sp.GetRequiredService<IEventStore>()));
builder.Services.AddSingleton(sp => new PolicyCatalog(sp.GetRequiredService<IEventStore>()));

var app = builder.Build();

// Affair types are data: read every published version, then publish the built-in definitions (a no-op when unchanged).
var affairTypes = app.Services.GetRequiredService<AffairTypeCatalog>();
await affairTypes.LoadAsync();
await affairTypes.PublishBuiltInsAsync();
await app.Services.GetRequiredService<PolicyCatalog>().LoadAsync();

app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
app.MapGet("/health/ready", async (IEventStore store, CancellationToken cancellationToken) =>
{
    await foreach (var _ in store.ReadAllAsync(SubscriptionFilter.All, 0, 1, cancellationToken))
    {
    }

    return Results.Ok(new { status = "ready" });
});

var store = app.Services.GetRequiredService<SqliteEventStore>();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Affairs is running on {Urls} with the embedded store at {File}", string.Join(", ", app.Urls), store.FilePath));
await app.RunAsync();
