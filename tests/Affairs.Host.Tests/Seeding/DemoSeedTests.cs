using Affairs.Host.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Seeding;

[Collection(HostCollection.Name)]
public sealed class DemoSeedTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task seeding_again_adds_nothing_to_what_exists()
    {
        var before = await _centre.Auditor.GetAsync("/api/organisation").Json();

        await host.Services.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None);

        var after = await _centre.Auditor.GetAsync("/api/organisation").Json();
        Assert.Equal(before.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task the_seeded_residents_can_be_found_and_read()
    {
        var found = await _centre.A.Post("/api/residents/lookup", new { identityNumber = "420802195304120317" }).Json();

        var resident = (await _centre.A.GetAsync($"/api/residents/{found.Str("residentId")}").Json()).GetProperty("resident");

        Assert.Equal(("钱德明", "g-01"), (resident.Str("name"), resident.Str("gridId")));
    }
}
