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

    [Fact]
    public async Task registering_an_absence_answers_201_with_its_id_and_a_location_that_reads_it()
    {
        var from = host.Clock.GetUtcNow().AddDays(60);

        var response = await _centre.Supervisor.Post("/api/organisation/absences", new { staffId = "s-ins-a", from, to = from.AddDays(1), kind = "leave" });
        var registered = await response.Json();
        var read = await Centre.Ok(_centre.A.GetAsync(response.Headers.Location!.ToString()));
        var member = await Centre.Ok(_centre.A.GetAsync("/api/organisation/staff/s-ins-a"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("ab-", registered.Str("absenceId"), StringComparison.Ordinal);
        Assert.Equal(("s-ins-a", true), (registered.Str("staffId"), registered.GetProperty("revision").GetInt64() > 0));
        Assert.Equal($"/api/organisation/absences/{registered.Str("absenceId")}", response.Headers.Location!.ToString());
        Assert.Equal((registered.Str("absenceId"), "leave"), (read.Str("id"), read.Str("kind")));
        Assert.Contains(member.GetProperty("absences").EnumerateArray(), a => a.Str("id") == registered.Str("absenceId"));
        await Centre.Ok(_centre.Supervisor.DeleteAsync($"/api/organisation/absences/{registered.Str("absenceId")}?reason=test"));
    }

    [Fact]
    public async Task the_writes_that_create_staff_posts_grids_and_policies_answer_their_ids()
    {
        var staff = await _centre.Admin.Post("/api/organisation/staff", new { staffId = "s-new-3", name = "新同事" });
        var post = await Centre.Ok(_centre.Admin.Put("/api/organisation/posts/relief", new { name = "救济岗", affairTypes = Array.Empty<string>(), takeoverDelayWorkingDays = 1 }));
        var holders = await Centre.Ok(_centre.Admin.Put("/api/organisation/posts/relief/holders", new { aHolderId = "s-new-3", bHolderId = "s-dibao-b", reason = "new post" }));
        var grid = await Centre.Ok(_centre.Admin.Put("/api/organisation/grids/g-10", new { name = "第十网格", workerId = "s-new-3", backupWorkerId = "s-dibao-b" }));
        var policy = await _centre.Admin.Post("/api/policies", new { id = "ids-policy", version = 1, effectiveFrom = "2026-01-01", values = new { line = 1 } });

        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
        Assert.Equal("/api/organisation/staff/s-new-3", staff.Headers.Location!.ToString());
        Assert.Equal("s-new-3", (await staff.Json()).Str("staffId"));
        Assert.Equal(("relief", "relief", "g-10"), (post.Str("postId"), holders.Str("postId"), grid.Str("gridId")));
        Assert.True(grid.GetProperty("revision").GetInt64() > holders.GetProperty("revision").GetInt64());
        Assert.Equal(["relief"], (await Centre.Ok(_centre.A.GetAsync("/api/organisation/staff/s-new-3"))).GetProperty("postsAsA").EnumerateArray().Select(p => p.GetString()));
        var published = await policy.Json();
        Assert.Equal(("/api/policies/ids-policy", "ids-policy", 1, 0L), (policy.Headers.Location!.ToString(), published.Str("policyId"), published.GetProperty("version").GetInt32(), published.GetProperty("revision").GetInt64()));
    }
}
