using System.Globalization;
using System.Net;
using Affairs.Workflows.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Queues;

/// <summary>The host with its projection following the log, as deployed.</summary>
public sealed class FollowingHostFactory : HostFactory
{
    public FollowingHostFactory() => BackgroundServices = true;
}

/// <summary>
/// Read-your-writes over HTTP: a write answers the log position of its commit as <c>X-Affairs-Position</c>, and a list
/// given it as <c>minPosition</c> answers only once the read models have it, or 503 <c>projection.behind</c>.
/// </summary>
public sealed class ReadYourWritesTests(FollowingHostFactory host) : IClassFixture<FollowingHostFactory>
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_write_answers_its_log_position_and_a_list_given_it_includes_the_write()
    {
        var household = await _centre.NewHousehold();
        var opened = await _centre.A.Post("/api/cases", new { affairTypeId = "dibao", subjectId = household, channel = "counter", data = new { applicationKind = "initial" } });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Json()).Str("caseId");
        var position = long.Parse(Assert.Single(opened.Headers.GetValues("X-Affairs-Position")), CultureInfo.InvariantCulture);

        var listed = await Centre.Ok(_centre.A.GetAsync($"/api/cases?subjectId={household}&minPosition={position}"));

        Assert.True(position > 0);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.Str("caseId") == caseId);
        Assert.True(host.Services.GetRequiredService<ProjectionEngine>().Checkpoint >= position);
    }

    [Fact]
    public async Task a_position_the_read_models_do_not_reach_in_time_is_a_503_projection_behind_with_retry_after()
    {
        var far = host.Services.GetRequiredService<ProjectionEngine>().Checkpoint + 1_000_000;
        var options = host.Services.GetRequiredService<ReadModelOptions>();
        var wait = options.PositionWait;
        options.PositionWait = TimeSpan.FromMilliseconds(100);
        HttpResponseMessage behind;
        try
        {
            behind = await _centre.A.GetAsync($"/api/queues/posts/dibao?minPosition={far}");
        }
        finally
        {
            options.PositionWait = wait;
        }

        var malformed = await _centre.A.GetAsync("/api/queues/posts/dibao?minPosition=soon");
        var read = await _centre.A.GetAsync("/api/queues/me");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Equal("projection.behind", (await behind.Json()).Str("code"));
        Assert.NotNull(behind.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Json()).GetProperty("errors").TryGetProperty("minPosition", out _));
        Assert.False(read.Headers.Contains("X-Affairs-Position"));
    }
}
