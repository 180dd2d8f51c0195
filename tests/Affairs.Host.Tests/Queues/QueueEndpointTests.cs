using System.Net;

namespace Affairs.Host.Tests.Queues;

/// <summary>The work queues, deadlines, statistics and projection routes over HTTP.</summary>
[Collection(HostCollection.Name)]
public sealed class QueueEndpointTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_new_case_is_in_A_s_queue_and_in_its_post_s_queue_with_its_deadlines()
    {
        var caseId = await _centre.OpenAndAccept();

        var mine = await Centre.Ok(_centre.A.GetAsync("/api/queues/me"));
        var post = await Centre.Ok(_centre.A.GetAsync("/api/queues/posts/dibao"));
        var deadlines = await Centre.Ok(_centre.A.GetAsync($"/api/cases/{caseId}/deadlines"));

        var item = Assert.Single(mine.GetProperty("asA").EnumerateArray(), i => i.Str("caseId") == caseId);
        Assert.Equal(("investigation", "a"), (item.Str("state"), item.Str("role")));
        Assert.Contains(post.GetProperty("items").EnumerateArray(), i => i.Str("caseId") == caseId);
        Assert.Equal(System.Text.Json.JsonValueKind.String, deadlines.GetProperty("stepDeadline").ValueKind);
    }

    [Fact]
    public async Task the_overdue_list_and_the_statistics_answer_and_a_reversed_range_is_a_problem()
    {
        await _centre.OpenAndAccept();

        var overdue = await Centre.Ok(_centre.Supervisor.GetAsync("/api/queues/overdue?dueSoonWorkingDays=3"));
        var stats = await Centre.Ok(_centre.Auditor.GetAsync("/api/statistics?from=2026-01-01&to=2026-12-31&period=year&affairType=dibao"));
        var reversed = await _centre.Auditor.GetAsync("/api/statistics?from=2026-12-31&to=2026-01-01");

        Assert.True(overdue.TryGetProperty("overdue", out _));
        var row = Assert.Single(stats.GetProperty("rows").EnumerateArray());
        Assert.True(row.GetProperty("opened").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("application/problem+json", reversed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task only_staff_have_a_queue_of_their_own_and_only_administrators_rebuild()
    {
        var auditorQueue = await _centre.Auditor.GetAsync("/api/queues/me");
        var caseworkerRebuild = await _centre.A.PostAsync("/api/projections/rebuild", null);
        var rebuilt = await Centre.Ok(_centre.Admin.PostAsync("/api/projections/rebuild", null));
        var status = await Centre.Ok(_centre.Auditor.GetAsync("/api/projections/status"));

        Assert.Equal(HttpStatusCode.Forbidden, auditorQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, caseworkerRebuild.StatusCode);
        Assert.True(rebuilt.GetProperty("checkpoint").GetInt64() > 0);
        Assert.True(status.GetProperty("checkpoint").GetInt64() >= rebuilt.GetProperty("checkpoint").GetInt64());
    }
}
