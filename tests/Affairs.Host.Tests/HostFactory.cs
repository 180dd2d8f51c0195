using System.Net.Http.Headers;
using Affairs.EventStore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Affairs.Host.Tests;

/// <summary>
/// The real host on a fresh SQLite file in a temporary folder, seeded with the demo centre on first start, with a fake
/// clock starting Monday 9 March 2026, 09:00 Beijing time.
/// </summary>
public class HostFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "affairs-host-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));

    public string DataFolder => _folder;

    public LogCapture Logs { get; } = new();

    /// <summary>Whether the projection and timer loops run; off by default so a test decides when time passes.</summary>
    public bool BackgroundServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Store:Sqlite:Path", Path.Combine(_folder, "affairs.db"));
        builder.UseSetting("Store:Sqlite:Durability", "Normal");
        builder.UseSetting("Affairs:DataFolder", _folder);
        builder.UseSetting("Affairs:MaxRequestBodyBytes", "65536");
        builder.UseSetting("Affairs:BackgroundServices", BackgroundServices ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Affairs", "Debug");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that sends <paramref name="apiKey"/> (a demo key name such as <c>demo-dibao-a</c>), or none.</summary>
    public HttpClient As(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", $"{apiKey}-key");
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
