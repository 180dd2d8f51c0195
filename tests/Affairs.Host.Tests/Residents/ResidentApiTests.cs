using System.Net;

namespace Affairs.Host.Tests.Residents;

[Collection(HostCollection.Name)]
public sealed class ResidentApiTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_resident_is_shown_to_caseworkers_and_masked_for_a_client_without_the_personal_data_scope()
    {
        var number = Api.NewIdentityNumber();
        var id = (await Centre.Ok(_centre.A.Post("/api/residents", new { identityNumber = number, name = "欧阳娜娜", phone = "13912345678", address = "东门街道长街 100 号 2 栋", gridId = "g-02" }))).Str("residentId");

        var seen = (await _centre.A.GetAsync($"/api/residents/{id}").Json()).GetProperty("resident");
        var masked = (await _centre.Integration.GetAsync($"/api/residents/{id}").Json()).GetProperty("resident");
        var scoped = (await _centre.IntegrationWithPersonalData.GetAsync($"/api/residents/{id}").Json()).GetProperty("resident");

        Assert.Equal((number, "欧阳娜娜", "13912345678"), (seen.Str("identityNumber"), seen.Str("name"), seen.Str("phone")));
        Assert.Equal(("欧***", "139****5678"), (masked.Str("name"), masked.Str("phone")));
        Assert.NotEqual(number, masked.Str("identityNumber"));
        Assert.Equal("g-02", masked.Str("gridId"));
        Assert.Equal(number, scoped.Str("identityNumber"));
    }

    [Fact]
    public async Task an_invalid_resident_is_400_with_each_field()
    {
        var response = await _centre.A.Post("/api/residents", new { identityNumber = "420802195304120318", name = "", phone = "12" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("identityNumber", out _) && errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task a_resident_is_found_by_identity_number_and_a_second_registration_is_409()
    {
        var number = Api.NewIdentityNumber();
        var id = (await Centre.Ok(_centre.A.Post("/api/residents", new { identityNumber = number, name = "李四" }))).Str("residentId");

        var found = await _centre.A.Post("/api/residents/lookup", new { identityNumber = number }).Json();
        var again = await _centre.A.Post("/api/residents", new { identityNumber = number, name = "李四" });

        Assert.Equal(id, found.Str("residentId"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task a_household_is_registered_with_members_and_read_back()
    {
        var head = await _centre.NewResident();
        var member = await _centre.NewResident();
        var household = (await Centre.Ok(_centre.A.Post("/api/households", new { headResidentId = head, address = "东门街道 8 号", gridId = "g-01" }))).Str("householdId");

        await Centre.Ok(_centre.A.Post($"/api/households/{household}/members", new { residentId = member, relation = "spouse" }));
        var read = await _centre.Auditor.GetAsync($"/api/households/{household}");

        var body = (await read.Json()).GetProperty("household");
        Assert.Equal([head, member], body.GetProperty("members").EnumerateArray().Select(m => m.Str("residentId")).ToArray());
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
    }
}
