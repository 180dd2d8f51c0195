using System.Net;

namespace Affairs.Host.Tests.Faults;

/// <summary>A store that cannot be reached is an answer, 503 with Retry-After, never a 500 or a stack trace.</summary>
public sealed class StoreFaultTests(StoreFaultFactory host) : IClassFixture<StoreFaultFactory>
{
    [Fact]
    public async Task a_write_while_the_store_cannot_be_reached_is_a_503_problem_with_retry_after()
    {
        var centre = new Centre(host);
        host.Down = true;
        HttpResponseMessage response;
        try
        {
            response = await centre.A.Post("/api/residents", new { identityNumber = Api.NewIdentityNumber(), name = "测试人", phone = "13800138000", address = "东门街道测试路 1 号", gridId = "g-01" });
        }
        finally
        {
            host.Down = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(StoreFaultFactory.RetryAfter, response.Headers.RetryAfter?.Delta);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        var problem = await response.Json();
        Assert.Equal("store.unavailable", problem.Str("code"));
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.Str("correlationId")));
    }

    [Fact]
    public async Task readiness_is_503_while_the_store_cannot_be_reached_and_200_again_when_it_can_while_liveness_stays_200()
    {
        using var client = host.As(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        host.Down = true;
        HttpResponseMessage ready;
        HttpResponseMessage live;
        HttpResponseMessage probedReady;
        try
        {
            ready = await client.GetAsync("/health/ready");
            live = await client.GetAsync("/health/live");
            probedReady = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/ready"));
        }
        finally
        {
            host.Down = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, probedReady.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("store.unavailable", (await ready.Json()).Str("code"));
        Assert.NotNull(ready.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
