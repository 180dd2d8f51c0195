using System.Net;
using Affairs.EventStore;

namespace Affairs.Host.Tests.Privacy;

/// <summary>What stays masked, who may confirm an identity number, and the files the store writes.</summary>
[Collection(HostCollection.Name)]
public sealed class PersonalDataTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task where_the_identity_number_is_masked_birth_date_and_gender_are_left_out()
    {
        var resident = await _centre.NewResident();

        var masked = (await _centre.Integration.GetAsync($"/api/residents/{resident}").Json()).GetProperty("resident");
        var unmasked = (await _centre.IntegrationWithPersonalData.GetAsync($"/api/residents/{resident}").Json()).GetProperty("resident");

        Assert.False(masked.TryGetProperty("birthDate", out _));
        Assert.False(masked.TryGetProperty("gender", out _));
        Assert.True(unmasked.TryGetProperty("birthDate", out _) && unmasked.TryGetProperty("gender", out _));
    }

    [Fact]
    public async Task the_masked_feed_leaves_out_birth_date_and_gender_too()
    {
        await _centre.NewResident();

        var feed = await _centre.Integration.GetAsync("/api/feed?category=resident&wait=0").Json();

        var registered = feed.GetProperty("events").EnumerateArray().Last(e => e.Str("type") == "resident.registered.v1").GetProperty("data");
        Assert.False(registered.TryGetProperty("birthDate", out _) || registered.TryGetProperty("gender", out _));
    }

    [Fact]
    public async Task identity_lookup_needs_the_personal_data_scope()
    {
        var number = Api.NewIdentityNumber();

        var withoutScope = await _centre.Integration.Post("/api/residents/lookup", new { identityNumber = number });
        var administrator = await _centre.Admin.Post("/api/residents/lookup", new { identityNumber = number });
        var withScope = await _centre.IntegrationWithPersonalData.Post("/api/residents/lookup", new { identityNumber = number });
        var caseworker = await _centre.A.Post("/api/residents/lookup", new { identityNumber = number });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (withoutScope.StatusCode, administrator.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (withScope.StatusCode, caseworker.StatusCode));
        Assert.False((await withScope.Json()).GetProperty("registered").GetBoolean());
    }

    [Fact]
    public async Task each_lookup_is_recorded_with_who_asked_and_never_the_number()
    {
        var number = Api.NewIdentityNumber();
        var resident = (await Centre.Ok(_centre.A.Post("/api/residents", new { identityNumber = number, name = "王五" }))).Str("residentId");

        await Centre.Ok(_centre.B.Post("/api/residents/lookup", new { identityNumber = number }, idempotencyKey: "lookup-" + number[^6..]));

        var recorded = new List<RecordedEvent>();
        await foreach (var e in host.Store.ReadStreamAsync(new StreamName($"lookup-{resident}"), ReadDirection.Forwards, 0, 10))
        {
            recorded.Add(e);
        }

        var lookup = Assert.Single(recorded);
        Assert.Equal("resident.looked-up.v1", lookup.Type);
        var data = System.Text.Encoding.UTF8.GetString(lookup.Data.Span);
        var metadata = System.Text.Encoding.UTF8.GetString(lookup.Metadata.Span);
        Assert.Contains(resident, data, StringComparison.Ordinal);
        Assert.Contains("\"found\":true", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("s-dibao-b", metadata, StringComparison.Ordinal);
        Assert.DoesNotContain(number, data + metadata, StringComparison.Ordinal);
        await foreach (var e in host.Store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue))
        {
            if (e.Stream.Category != "resident")
            {
                Assert.DoesNotContain(number, System.Text.Encoding.UTF8.GetString(e.Data.Span) + System.Text.Encoding.UTF8.GetString(e.Metadata.Span), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task an_administrator_is_refused_cases_and_residents_as_the_role_table_says()
    {
        var caseId = await _centre.OpenDibao();
        var resident = await _centre.NewResident();

        var caseRead = await _centre.Admin.GetAsync($"/api/cases/{caseId}");
        var residentRead = await _centre.Admin.GetAsync($"/api/residents/{resident}");
        var chain = await _centre.Admin.GetAsync($"/api/cases/{caseId}/verify");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (caseRead.StatusCode, residentRead.StatusCode, chain.StatusCode));
    }

    [Fact]
    public void the_store_file_its_journal_and_the_data_folder_are_the_owners_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _ = host.Store;
        var database = Path.Combine(host.DataFolder, "affairs.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.True(File.Exists(database + "-wal"));
    }
}
