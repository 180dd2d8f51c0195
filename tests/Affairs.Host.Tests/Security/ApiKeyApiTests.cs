using System.Net;
using System.Text;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Host.Security;
using Affairs.Host.Hosting;
using Affairs.Host.Seeding;
using Affairs.Workflows.ApiKeys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Security;

[Collection(HostCollection.Name)]
public sealed class ApiKeyApiTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task an_issued_staff_key_acts_as_that_member_of_staff_with_their_roles()
    {
        var response = await _centre.Admin.Post("/api/keys", new { label = "insurance counter", staffId = "s-ins-a" });
        var issued = await response.Json();
        var key = WithKey(issued.Str("secret"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/keys/{issued.GetProperty("key").Str("keyId")}", response.Headers.Location!.OriginalString);
        Assert.StartsWith($"afk_{issued.GetProperty("key").Str("keyId")}_", issued.Str("secret"), StringComparison.Ordinal);
        Assert.Equal(["caseworker"], issued.GetProperty("key").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("s-ins-a", (await key.GetAsync("/api/queues/me").Json()).Str("staffId"));
        Assert.Equal(HttpStatusCode.Forbidden, (await key.Post("/api/organisation/staff", new { staffId = "s-x", name = "某人" })).StatusCode);
    }

    [Fact]
    public async Task an_issued_client_key_grants_its_scopes_and_nothing_more()
    {
        var issued = await Issue(new { label = "tax office", clientId = "tax-office", roles = new[] { "integration" }, scopes = new[] { "cases:read" } });
        var key = WithKey(issued.Str("secret"));

        Assert.Equal(HttpStatusCode.NotFound, (await key.GetAsync("/api/cases/c-none")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.Post("/api/cases", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.GetAsync("/api/residents/r-none")).StatusCode);
    }

    [Fact]
    public async Task a_revoked_key_is_refused_with_401_problem()
    {
        var issued = await Issue(new { label = "temporary", staffId = "s-cert-b" });
        var key = WithKey(issued.Str("secret"));
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync("/api/organisation")).StatusCode);

        var revoked = await Centre.Ok(_centre.Admin.Post($"/api/keys/{KeyId(issued)}/revoke", new { reason = "laptop lost" }));
        var refused = await key.GetAsync("/api/organisation");

        Assert.Equal("revoked", revoked.Str("status"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("auth.unauthenticated", (await refused.Json()).Str("code"));
    }

    [Fact]
    public async Task an_expired_key_is_refused()
    {
        var issued = await Issue(new { label = "one hour", clientId = "visitor", roles = new[] { "auditor" }, expiresAt = host.Clock.GetUtcNow().AddHours(1) });
        var key = WithKey(issued.Str("secret"));
        var before = (await key.GetAsync("/api/organisation")).StatusCode;

        host.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (before, (await key.GetAsync("/api/organisation")).StatusCode));
        Assert.Equal("expired", (await _centre.Admin.GetAsync($"/api/keys/{KeyId(issued)}").Json()).Str("status"));
    }

    [Fact]
    public void keys_configured_for_the_deployment_keep_working()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Affairs:ApiKeys:0:Id"] = "ops-monitor",
            ["Affairs:ApiKeys:0:Hash"] = ApiKeySecrets.HashOf("ops-monitor-secret"),
            ["Affairs:ApiKeys:0:Roles:0"] = "auditor",
        }).Build();

        var index = new ApiKeyIndex(configuration, new DataFolder(host.DataFolder), host.Services.GetRequiredService<ApiKeyStreams>(), host.Clock);

        Assert.Equal(new ApiKeyGrant("ops-monitor", ["auditor"], []), index.Find("ops-monitor-secret"), GrantComparer.Instance);
        Assert.Null(index.Find("ops-monitor-secrets"));
    }

    [Fact]
    public async Task a_rotated_key_refuses_the_old_secret_after_the_grace_period()
    {
        var issued = await Issue(new { label = "portal", clientId = "portal-2", roles = new[] { "integration" }, scopes = new[] { "feed:read" } });
        var rotated = await Centre.Ok(_centre.Admin.Post($"/api/keys/{KeyId(issued)}/rotate", new { graceMinutes = 10 }));
        var (old, fresh) = (WithKey(issued.Str("secret")), WithKey(rotated.Str("secret")));

        var oldDuringGrace = (await old.GetAsync("/api/feed?wait=0")).StatusCode;
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        var oldAfterGrace = (await old.GetAsync("/api/feed?wait=0")).StatusCode;

        Assert.NotEqual(issued.Str("secret"), rotated.Str("secret"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (oldDuringGrace, oldAfterGrace));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/feed?wait=0")).StatusCode);
    }

    [Fact]
    public async Task the_secret_is_never_in_a_read_answer_an_event_or_a_log()
    {
        var issued = await Issue(new { label = "audit trail", staffId = "s-archive" });
        var secret = issued.Str("secret");
        var hash = ApiKeySecrets.HashOf(secret);
        await WithKey(secret).GetAsync("/api/organisation");
        await _centre.Admin.Post($"/api/keys/{KeyId(issued)}/revoke", new { reason = "test" });
        await WithKey(secret).GetAsync("/api/organisation");

        var list = await _centre.Admin.GetStringAsync("/api/keys");
        var one = await _centre.Admin.GetStringAsync($"/api/keys/{KeyId(issued)}");
        var stored = new StringBuilder();
        await foreach (var e in host.Store.ReadStreamAsync(new StreamName("apikeys-main"), ReadDirection.Forwards, 0, long.MaxValue))
        {
            stored.Append(Encoding.UTF8.GetString(e.Data.Span)).Append(Encoding.UTF8.GetString(e.Metadata.Span));
        }

        Assert.Contains(KeyId(issued), list, StringComparison.Ordinal);
        Assert.Contains(hash, stored.ToString(), StringComparison.Ordinal);
        Assert.All(new[] { list, one }, body => Assert.DoesNotContain(hash, body, StringComparison.Ordinal));
        Assert.All(new[] { list, one, stored.ToString(), string.Join("\n", host.Logs.Entries) }, text => Assert.DoesNotContain(secret[4..], text, StringComparison.Ordinal));
        Assert.DoesNotContain("demo-dibao-a-key", stored.ToString(), StringComparison.Ordinal);
        Assert.Empty((await _centre.Auditor.GetAsync("/api/feed?category=apikeys&wait=0").Json()).GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task a_retried_issue_answers_the_same_key_without_showing_a_secret_again()
    {
        var body = new { label = "retried", staffId = "s-care-b" };
        var first = await (await _centre.Admin.Post("/api/keys", body, idempotencyKey: "issue-care-b")).Json();
        var retry = await (await _centre.Admin.Post("/api/keys", body, idempotencyKey: "issue-care-b")).Json();

        Assert.Equal(KeyId(first), KeyId(retry));
        Assert.False(retry.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.String, retry.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await WithKey(first.Str("secret")).GetAsync("/api/organisation")).StatusCode);
    }

    [Fact]
    public async Task a_stale_if_match_on_a_key_is_409_with_its_current_revision()
    {
        var issued = await Issue(new { label = "desk 3", staffId = "s-counter-2" });
        var read = await _centre.Admin.GetAsync($"/api/keys/{KeyId(issued)}");
        var etag = read.Headers.ETag!.Tag;
        await Centre.Ok(_centre.Admin.Post($"/api/keys/{KeyId(issued)}/rotate", new { }, ifMatch: etag));

        var stale = await _centre.Admin.Post($"/api/keys/{KeyId(issued)}/revoke", new { reason = "desk closed" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.NotEqual(etag, $"\"{(await stale.Json()).GetProperty("currentRevision").GetInt64()}\"");
    }

    [Fact]
    public async Task only_an_administrator_manages_keys()
    {
        foreach (var client in new[] { _centre.Supervisor, _centre.Auditor, _centre.A, _centre.Integration })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/keys")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Post("/api/keys", new { label = "mine", staffId = "s-dibao-a" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Post("/api/keys/demo-admin/revoke", new { reason = "mine" })).StatusCode);
        }
    }

    [Fact]
    public async Task bad_bindings_are_400_naming_the_field_and_unknown_keys_404()
    {
        var unknownStaff = await _centre.Admin.Post("/api/keys", new { label = "x", staffId = "s-nobody" });
        var unknownScope = await _centre.Admin.Post("/api/keys", new { label = "x", clientId = "c-x", roles = new[] { "integration" }, scopes = new[] { "everything" } });

        Assert.Equal(HttpStatusCode.BadRequest, unknownStaff.StatusCode);
        Assert.True((await unknownStaff.Json()).GetProperty("errors").TryGetProperty("staffId", out _));
        var scopes = (await unknownScope.Json()).GetProperty("errors").GetProperty("scopes")[0].GetString()!;
        Assert.Contains("cases:read", scopes, StringComparison.Ordinal);
        Assert.DoesNotContain("everything", scopes, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _centre.Admin.GetAsync("/api/keys/k-none")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _centre.Admin.Post("/api/keys/k-none/rotate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _centre.Admin.Post("/api/keys/k-none/revoke", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task every_post_holder_and_grid_worker_of_the_demo_centre_has_a_working_key()
    {
        var staffKeys = DemoKeys.All.Where(k => k.Binding.StaffId is not null).ToList();
        var expected = DemoSeed.Posts.SelectMany(p => new[] { p.A, p.B }).Concat(DemoSeed.Grids.Select(g => g.Worker)).Append("s-head");

        Assert.Equal(expected.Order(), staffKeys.Select(k => k.Binding.StaffId!).Order());
        foreach (var demo in staffKeys)
        {
            Assert.Equal(demo.Binding.StaffId, (await host.As(demo.Name).GetAsync("/api/queues/me").Json()).Str("staffId"));
        }

        Assert.Contains("demo-ins-a", (await _centre.Admin.GetStringAsync("/api/keys")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_key_routes_are_described_in_the_openapi_document()
    {
        var paths = (await host.As(null).GetAsync("/openapi/v1.json").Json()).GetProperty("paths");

        var issue = paths.GetProperty("/api/keys").GetProperty("post");
        Assert.Equal("IssueApiKey", issue.Str("operationId"));
        Assert.True(issue.GetProperty("responses").GetProperty("201").TryGetProperty("content", out _));
        Assert.True(issue.GetProperty("responses").TryGetProperty("409", out _));
        Assert.Equal(
            ["GetApiKey", "ListApiKeys", "RevokeApiKey", "RotateApiKey"],
            new[] { ("/api/keys", "get"), ("/api/keys/{id}", "get"), ("/api/keys/{id}/rotate", "post"), ("/api/keys/{id}/revoke", "post") }
                .Select(p => paths.GetProperty(p.Item1).GetProperty(p.Item2).Str("operationId")).Order());
    }

    private async Task<JsonElement> Issue(object body)
    {
        var response = await _centre.Admin.Post("/api/keys", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    private sealed class GrantComparer : IEqualityComparer<ApiKeyGrant?>
    {
        public static GrantComparer Instance { get; } = new();

        public bool Equals(ApiKeyGrant? x, ApiKeyGrant? y) =>
            x is not null && y is not null && x.Subject == y.Subject && x.Roles.SequenceEqual(y.Roles) && x.Scopes.SequenceEqual(y.Scopes);

        public int GetHashCode(ApiKeyGrant? obj) => obj?.Subject.GetHashCode(StringComparison.Ordinal) ?? 0;
    }

    private static string KeyId(JsonElement issued) => issued.GetProperty("key").Str("keyId");

    private HttpClient WithKey(string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
