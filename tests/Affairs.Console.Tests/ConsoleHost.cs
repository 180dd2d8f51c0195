using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Console.Tests;

/// <summary>
/// The real host listening on a free loopback port (a browser cannot reach an in-memory test server), on a fresh
/// SQLite file, seeded with the demo centre, with the real clock.
/// </summary>
public sealed class ConsoleHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "affairs-console-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> _settings;

    public ConsoleHost()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>The host with <paramref name="settings"/> added to its configuration.</summary>
    public ConsoleHost(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    /// <summary>Where the host listens, such as <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Store:Sqlite:Path", Path.Combine(_folder, "affairs.db"));
        builder.UseSetting("Affairs:DataFolder", _folder);
        builder.UseSetting("Affairs:BackgroundServices", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An API client with a demo key (<c>demo-dibao-a</c>), for what a test prepares outside the console.</summary>
    public HttpClient Api(string demoKey)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", demoKey + "-key");
        return client;
    }

    /// <summary>A dibao case of the seeded Sun household, with the materials its investigation needs unless told not to, opened by A through the API.</summary>
    public async Task<string> OpenDibaoAsync(bool attachMaterials = true)
    {
        using var a = Api("demo-dibao-a");
        var lookup = await Ok(a.PostAsJsonAsync("/api/residents/lookup", new { identityNumber = Seeded.SunIdentityNumber }));
        var resident = await Ok(a.GetAsync($"/api/residents/{lookup.GetProperty("residentId").GetString()}"));
        var household = resident.GetProperty("households")[0].GetProperty("householdId").GetString();
        var opened = await Ok(a.PostAsJsonAsync("/api/cases", new { affairTypeId = "dibao", subjectId = household, channel = "counter", data = new { applicationKind = "initial" } }));
        var caseId = opened.GetProperty("caseId").GetString()!;
        if (attachMaterials)
        {
            await AttachAsync(caseId, "application-form", "id-cards", "household-register", "income-proof");
        }

        return caseId;
    }

    /// <summary>Records materials received on a case, as A through the API (to prepare a case; the case page records them too).</summary>
    public async Task AttachAsync(string caseId, params string[] materials)
    {
        using var a = Api("demo-dibao-a");
        foreach (var material in materials)
        {
            await Ok(a.PostAsJsonAsync($"/api/cases/{caseId}/materials", new { materialId = material, fileName = material + ".pdf", mediaType = "application/pdf", sizeBytes = 1024, contentHash = new string('a', 64) }));
        }
    }

    /// <summary>The case's revision now, as the auditor reads it through the API.</summary>
    public async Task<string> RevisionAsync(string caseId)
    {
        using var auditor = Api("demo-auditor");
        return (await Ok(auditor.GetAsync($"/api/cases/{caseId}"))).GetProperty("revision").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

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
