using System.Net;

namespace Affairs.Host.Tests.Security;

[Collection(HostCollection.Name)]
public sealed class RoleMatrixTests(HostFactory host)
{
    private static readonly string[] Keys = ["demo-dibao-a", "demo-supervisor", "demo-auditor", "demo-admin", "demo-integration", "demo-integration-pd"];

    /// <summary>Each endpoint group, and the keys it allows (the others get 403).</summary>
    public static TheoryData<string, string, string> Matrix => new()
    {
        { "GET", "/api/cases/c-none", "demo-dibao-a demo-supervisor demo-auditor demo-integration demo-integration-pd" },
        { "POST", "/api/cases", "demo-dibao-a demo-supervisor demo-integration" },
        { "GET", "/api/cases/c-none/verify", "demo-supervisor demo-auditor demo-admin" },
        { "GET", "/api/affair-types", "demo-dibao-a demo-supervisor demo-auditor demo-admin demo-integration demo-integration-pd" },
        { "POST", "/api/affair-types/validate", "demo-admin" },
        { "POST", "/api/policies", "demo-admin" },
        { "GET", "/api/residents/r-none", "demo-dibao-a demo-supervisor demo-auditor demo-integration demo-integration-pd" },
        { "POST", "/api/residents", "demo-dibao-a demo-supervisor demo-integration" },
        { "GET", "/api/households/h-none", "demo-dibao-a demo-supervisor demo-auditor demo-integration demo-integration-pd" },
        { "GET", "/api/organisation", "demo-dibao-a demo-supervisor demo-auditor demo-admin demo-integration demo-integration-pd" },
        { "POST", "/api/organisation/staff", "demo-admin" },
        { "POST", "/api/organisation/absences", "demo-supervisor demo-admin" },
        { "GET", "/api/feed?wait=0", "demo-auditor demo-integration demo-integration-pd" },
        { "GET", "/api/keys", "demo-admin" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task each_role_is_allowed_or_forbidden_per_endpoint_group(string method, string url, string allowed)
    {
        foreach (var key in Keys)
        {
            var client = host.As(key);
            var response = method == "GET" ? await client.GetAsync(url) : await client.PostRaw(url, "{}");

            var expectAllowed = allowed.Split(' ').Contains(key);
            var body = await response.Content.ReadAsStringAsync();
            if (expectAllowed)
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{key} {method} {url}: {(int)response.StatusCode} {body}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{key} {method} {url}: {(int)response.StatusCode} {body}");
                Assert.Equal("auth.forbidden", (await response.Json()).Str("code"));
            }
        }
    }

    [Fact]
    public async Task without_a_key_or_with_an_unknown_one_it_is_401_problem()
    {
        var none = await host.As(null).GetAsync("/api/organisation");
        var unknown = await host.As("no-such").GetAsync("/api/organisation");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (none.StatusCode, unknown.StatusCode));
        Assert.Equal("auth.unauthenticated", (await none.Json()).Str("code"));
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task health_openapi_and_the_api_browser_need_no_key()
    {
        var anonymous = host.As(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        var probed = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/live"));
        Assert.Equal(HttpStatusCode.OK, probed.StatusCode);
        Assert.Empty(await probed.Content.ReadAsByteArrayAsync());
        var openApi = await anonymous.GetAsync("/openapi/v1.json").Json();
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/cases/{id}/triggers/{trigger}", out _));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/docs")).StatusCode);
    }

    [Fact]
    public async Task keys_are_stored_only_as_hashes_in_the_key_stream()
    {
        var stored = new System.Text.StringBuilder();
        await foreach (var e in host.Store.ReadStreamAsync(new Affairs.EventStore.StreamName("apikeys-main"), Affairs.EventStore.ReadDirection.Forwards, 0, long.MaxValue))
        {
            stored.Append(System.Text.Encoding.UTF8.GetString(e.Data.Span));
        }

        Assert.DoesNotContain("demo-dibao-a-key", stored.ToString(), StringComparison.Ordinal);
        Assert.Contains(Affairs.Host.Security.ApiKeySecrets.HashOf("demo-dibao-a-key"), stored.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(host.DataFolder, "api-keys.json")));
    }
}
