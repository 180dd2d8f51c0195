using System.Net;
using System.Text.Json;

namespace Affairs.Host.Tests.Households;

/// <summary>A resident's households and <c>GET /api/households</c> by grid, both from the read model.</summary>
[Collection(HostCollection.Name)]
public sealed class HouseholdListTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_resident_shows_the_households_they_belong_to_with_their_relation()
    {
        var household = await _centre.NewHousehold();
        var head = (await _centre.A.GetAsync($"/api/households/{household}").Json()).GetProperty("household").Str("headResidentId");
        var child = await _centre.NewResident();
        await Centre.Ok(_centre.A.Post($"/api/households/{household}/members", new { residentId = child, relation = "child" }));

        var ofHead = await _centre.A.GetAsync($"/api/residents/{head}").Json();
        var ofChild = await _centre.A.GetAsync($"/api/residents/{child}").Json();
        await Centre.Ok(_centre.A.DeleteAsync($"/api/households/{household}/members/{child}?reason=moved"));
        var afterLeaving = await _centre.A.GetAsync($"/api/residents/{child}").Json();

        Assert.Equal((household, "head"), Single(ofHead));
        Assert.Equal((household, "child"), Single(ofChild));
        Assert.Equal(0, afterLeaving.GetProperty("households").GetArrayLength());
    }

    [Fact]
    public async Task households_are_listed_by_grid_a_page_at_a_time()
    {
        var mine = new[] { await _centre.NewHousehold(), await _centre.NewHousehold(), await _centre.NewHousehold() };
        var elsewhere = await Centre.Ok(_centre.A.Post("/api/households", new { headResidentId = await _centre.NewResident(), address = "西门街道 2 号", gridId = "g-02" }));

        var pages = await _centre.A.Pages("/api/households?gridId=g-01&limit=2");

        Assert.All(pages, p => Assert.True(p.GetProperty("items").GetArrayLength() <= 2));
        var seen = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).ToList();
        var ids = seen.Select(h => h.Str("householdId")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(mine.Except(ids));
        Assert.DoesNotContain(elsewhere.Str("householdId"), ids);
        Assert.All(seen, h => Assert.Equal("g-01", h.Str("gridId")));
        Assert.All(seen, h => Assert.False(h.TryGetProperty("address", out _)));
        Assert.Contains(seen, h => h.Str("householdId") == mine[0] && h.GetProperty("members")[0].Str("relation") == "head");
    }

    [Theory]
    [InlineData("gridId=g-99", "gridId")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=x", "limit")]
    [InlineData("cursor=Y2FzZXM6MQ", "cursor")]
    public async Task a_bad_grid_or_page_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await _centre.A.GetAsync($"/api/households?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private static (string, string) Single(JsonElement resident)
    {
        var membership = Assert.Single(resident.GetProperty("households").EnumerateArray());
        return (membership.Str("householdId"), membership.Str("relation"));
    }
}
