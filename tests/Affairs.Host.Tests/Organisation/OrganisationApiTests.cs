using System.Net;

namespace Affairs.Host.Tests.Organisation;

[Collection(HostCollection.Name)]
public sealed class OrganisationApiTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task the_seeded_centre_has_21_staff_four_posts_with_A_and_B_a_supervisor_and_grids()
    {
        var organisation = await _centre.Auditor.GetAsync("/api/organisation").Json();

        Assert.True(organisation.GetProperty("staff").GetArrayLength() >= 21);
        var posts = organisation.GetProperty("posts").EnumerateArray().ToDictionary(p => p.Str("id"));
        Assert.Equal(["certification", "dibao", "eldercare", "insurance"], posts.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(posts.Values, p => Assert.False(string.IsNullOrEmpty(p.Str("aHolderId")) || string.IsNullOrEmpty(p.Str("bHolderId"))));
        Assert.Equal(("s-dibao-a", "s-dibao-b"), (posts["dibao"].Str("aHolderId"), posts["dibao"].Str("bHolderId")));
        Assert.Equal("s-head", organisation.Str("supervisorId"));
        Assert.True(organisation.GetProperty("grids").GetArrayLength() >= 6);
    }

    [Fact]
    public async Task the_administrator_defines_staff_posts_and_grids()
    {
        await Centre.Ok(_centre.Admin.Post("/api/organisation/staff", new { staffId = "s-new-1", name = "新同事" }));
        await Centre.Ok(_centre.Admin.Post("/api/organisation/staff", new { staffId = "s-new-2", name = "新同事" }));
        await Centre.Ok(_centre.Admin.Put("/api/organisation/posts/assistance", new { name = "救助岗", affairTypes = new[] { "temporary-assistance" }, takeoverDelayWorkingDays = 2 }));
        await Centre.Ok(_centre.Admin.Put("/api/organisation/posts/assistance/holders", new { aHolderId = "s-new-1", bHolderId = "s-new-2", reason = "new post" }));
        await Centre.Ok(_centre.Admin.Put("/api/organisation/grids/g-09", new { name = "第九网格", workerId = "s-new-1", backupWorkerId = "s-new-2" }));

        var organisation = await _centre.A.GetAsync("/api/organisation").Json();

        Assert.Contains(organisation.GetProperty("posts").EnumerateArray(), p => p.Str("id") == "assistance" && p.Str("aHolderId") == "s-new-1");
        Assert.Contains(organisation.GetProperty("grids").EnumerateArray(), g => g.Str("id") == "g-09");
    }

    [Fact]
    public async Task an_absence_is_registered_by_the_supervisor_and_cancelled()
    {
        var from = host.Clock.GetUtcNow().AddDays(30);

        await Centre.Ok(_centre.Supervisor.Post("/api/organisation/absences", new { staffId = "s-cert-a", from, to = from.AddDays(1), kind = "business-trip" }));
        var absence = (await _centre.A.GetAsync("/api/organisation").Json()).GetProperty("absences").EnumerateArray().Single(a => a.Str("staffId") == "s-cert-a");
        var cancelled = await _centre.Supervisor.DeleteAsync($"/api/organisation/absences/{absence.Str("id")}?reason=trip%20cancelled");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.DoesNotContain((await _centre.A.GetAsync("/api/organisation").Json()).GetProperty("absences").EnumerateArray(), a => a.Str("staffId") == "s-cert-a");
    }
}
