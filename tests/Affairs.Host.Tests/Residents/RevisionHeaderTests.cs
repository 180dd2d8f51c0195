using System.Net;

namespace Affairs.Host.Tests.Residents;

/// <summary>Residents and households answer their revision as ETag, so a client can send it back as If-Match.</summary>
[Collection(HostCollection.Name)]
public sealed class RevisionHeaderTests(HostFactory host)
{
    [Fact]
    public async Task a_resident_read_and_each_write_carry_the_revision_as_etag_which_if_match_accepts_once()
    {
        var client = host.As("demo-dibao-a");
        var registered = await client.Post("/api/residents", new { identityNumber = Api.NewIdentityNumber(), name = "王五", gridId = "g-01" });
        var id = (await registered.Json()).Str("residentId");
        var read = await client.GetAsync($"/api/residents/{id}");

        Assert.Equal("\"0\"", registered.Headers.ETag?.Tag);
        Assert.Equal("\"0\"", read.Headers.ETag?.Tag);

        var changed = await client.SendAsync(Put($"/api/residents/{id}/contact", new { phone = "13800138000" }, read.Headers.ETag!.Tag));
        var stale = await client.SendAsync(Put($"/api/residents/{id}/contact", new { phone = "13900139000" }, read.Headers.ETag.Tag));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"1\"", changed.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task a_household_write_carries_the_revision_as_etag()
    {
        var client = host.As("demo-dibao-a");
        var head = (await client.Post("/api/residents", new { identityNumber = Api.NewIdentityNumber(), name = "赵六", gridId = "g-01" }).Json()).Str("residentId");
        var member = (await client.Post("/api/residents", new { identityNumber = Api.NewIdentityNumber(), name = "赵七", gridId = "g-01" }).Json()).Str("residentId");
        var registered = await client.Post("/api/households", new { headResidentId = head, address = "幸福路 1 号", gridId = "g-01" });
        var household = (await registered.Json()).Str("householdId");

        var added = await client.Post($"/api/households/{household}/members", new { residentId = member, relation = "child" }, ifMatch: registered.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("\"1\"", added.Headers.ETag?.Tag);
    }

    private static HttpRequestMessage Put(string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }
}
