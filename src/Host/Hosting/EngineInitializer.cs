using Affairs.Host.Security;
using Affairs.Host.Seeding;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Staffing;

namespace Affairs.Host.Hosting;

/// <summary>
/// Before the server takes requests: loads the catalogs, publishes the built-in affair types, loads the API keys, and seeds the demo centre
/// when the store holds no organisation yet (or when started with <c>--seed</c>; <c>Affairs:Seed</c> = <c>never</c>
/// turns it off).
/// </summary>
internal sealed class EngineInitializer(
    AffairsStartup startup,
    OrganisationDirectory organisation,
    DemoSeed seed,
    ApiKeyIndex keys,
    IConfiguration configuration,
    ILogger<EngineInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.InitializeAsync(cancellationToken);
        var mode = configuration["Affairs:Seed"] ?? "first-start";
        var (current, _) = await organisation.CurrentAsync(cancellationToken);
        var empty = current.Staff.IsEmpty;
        if (mode == "always" || (mode == "first-start" && empty))
        {
            logger.LogInformation("Seeding the demo centre");
            await seed.RunAsync(cancellationToken);
        }

        await keys.RefreshAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
