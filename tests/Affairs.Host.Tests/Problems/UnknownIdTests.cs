using System.Net;

namespace Affairs.Host.Tests.Problems;

/// <summary>Every route with an id answers an id it does not know with a 404 problem, never 200 with nothing.</summary>
[Collection(HostCollection.Name)]
public sealed class UnknownIdTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Theory]
    [InlineData("demo-auditor", "/api/cases/c-unknown")]
    [InlineData("demo-auditor", "/api/cases/c-unknown/history")]
    [InlineData("demo-auditor", "/api/cases/c-unknown/verify")]
    [InlineData("demo-auditor", "/api/cases/c-unknown/deadlines")]
    [InlineData("demo-auditor", "/api/cases/c-unknown/permitted-triggers")]
    [InlineData("demo-admin", "/api/policies/no-such-policy")]
    [InlineData("demo-admin", "/api/policies/no-such-policy/in-force")]
    [InlineData("demo-admin", "/api/affair-types/no-such-type/versions/1")]
    [InlineData("demo-admin", "/api/affair-types/no-such-type/versions/1/diagram")]
    [InlineData("demo-auditor", "/api/residents/r-unknown")]
    [InlineData("demo-auditor", "/api/households/h-unknown")]
    [InlineData("demo-auditor", "/api/queues/staff/s-nobody")]
    [InlineData("demo-auditor", "/api/queues/posts/no-such-post")]
    [InlineData("demo-auditor", "/api/organisation/staff/s-nobody")]
    [InlineData("demo-auditor", "/api/organisation/absences/ab-unknown")]
    public async Task reading_an_unknown_id_is_a_404_problem(string key, string url)
    {
        var response = await host.As(key).GetAsync(url);

        await AssertNotFound(response);
    }

    [Fact]
    public async Task writing_to_an_unknown_id_is_a_404_problem()
    {
        await AssertNotFound(await _centre.Admin.Put("/api/organisation/posts/no-such-post/holders", new { aHolderId = "s-dibao-a", bHolderId = "s-dibao-b", reason = "test" }));
        await AssertNotFound(await _centre.Supervisor.DeleteAsync("/api/organisation/absences/ab-unknown?reason=test"));
        await AssertNotFound(await _centre.A.Post("/api/cases/c-unknown/triggers/accept"));
        await AssertNotFound(await _centre.A.Post("/api/households/h-unknown/members", new { residentId = await _centre.NewResident(), relation = "child" }));
        await AssertNotFound(await _centre.A.Put("/api/residents/r-unknown/contact", new { phone = "13800138000" }));
        await AssertNotFound(await _centre.A.Put("/api/residents/r-unknown/grid", new { gridId = "g-01" }));
        await AssertNotFound(await _centre.A.Post("/api/residents/r-unknown/move-out", new { on = "2026-03-01" }));
        await AssertNotFound(await _centre.A.Put("/api/households/h-unknown/head", new { headResidentId = await _centre.NewResident() }));
        await AssertNotFound(await _centre.A.DeleteAsync("/api/households/h-unknown/members/r-unknown?reason=moved"));
        await AssertNotFound(await _centre.A.Post("/api/cases/c-unknown/notes", new { text = "note" }));
        await AssertNotFound(await _centre.A.Post("/api/cases/c-unknown/withdraw", new { reason = "moved" }));
        await AssertNotFound(await _centre.Supervisor.Post("/api/cases/c-unknown/reassign", new { toStaffId = "s-dibao-b", reason = "load" }));
        await AssertNotFound(await _centre.Admin.Post("/api/affair-types/no-such-type/versions/1/retire", new { reason = "old" }));
    }

    [Fact]
    public async Task a_revision_beyond_the_last_is_a_404_problem_with_its_own_code_and_a_negative_one_a_400()
    {
        var caseId = await _centre.OpenDibao();

        var beyond = await _centre.A.GetAsync($"/api/cases/{caseId}?revision=999");
        var last = await _centre.A.GetAsync($"/api/cases/{caseId}?revision=0");
        var negative = await _centre.A.GetAsync($"/api/cases/{caseId}?revision=-1");

        await AssertNotFound(beyond);
        Assert.Equal("case.revision-not-found", (await beyond.Json()).Str("code"));
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.True((await negative.Json()).GetProperty("errors").TryGetProperty("revision", out _));
    }

    private static async Task AssertNotFound(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
