using System.Net;
using System.Net.Http.Json;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Events;
using Affairs.Workflows.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.AffairTypes;

/// <summary>Affair types and policies are written by commands through the same pipeline as cases: actor, correlation, chain.</summary>
[Collection(HostCollection.Name)]
public sealed class RulePublicationTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    /// <summary>The sample definition under another id, so that each test publishes a type of its own on the shared host.</summary>
    private static async Task<string> SampleAs(string id, string? extraComment = null)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "temporary-assistance.json"));
        json = json.Replace("\"id\": \"temporary-assistance\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);
        return extraComment is null ? json : json.Replace("\"name\": { \"zh-CN\": \"临时救助\"", $"\"name\": {{ \"zh-CN\": \"临时救助{extraComment}\"", StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, HttpContent content, string? correlationId = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<List<DecodedEvent>> EventsOf(StreamName stream)
    {
        var codec = host.Services.GetRequiredService<EventCodec>();
        var events = new List<DecodedEvent>();
        await foreach (var recorded in host.Store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue))
        {
            events.Add(codec.Decode(recorded));
        }

        return events;
    }

    [Fact]
    public async Task a_publication_and_a_retirement_over_http_carry_the_actor_the_correlation_id_and_a_valid_chain()
    {
        var published = await Send(_centre.Admin, HttpMethod.Post, "/api/affair-types", Json(await SampleAs("wp-chain")), correlationId: "rules-change-17");
        var retired = await Send(_centre.Admin, HttpMethod.Post, "/api/affair-types/wp-chain/versions/1/retire", JsonContent.Create(new { reason = "replaced" }), correlationId: "rules-change-18");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.NoContent), (published.StatusCode, retired.StatusCode));
        var events = await EventsOf(AffairTypeCatalog.StreamFor("wp-chain"));
        Assert.Equal(["affairtype.published.v1", "affairtype.retired.v1"], events.Select(e => e.TypeName));
        Assert.Equal(["rules-change-17", "rules-change-18"], events.Select(e => e.Metadata.CorrelationId));
        Assert.All(events, e => Assert.Equal("demo-admin", e.Metadata.ActorId));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Metadata.CausationId)));
        var check = await host.Services.GetRequiredService<ChainVerifier>().VerifyAsync(AffairTypeCatalog.StreamFor("wp-chain"));
        Assert.True(check.Valid, check.Problem);
        Assert.Equal(2, check.EventsChecked);
    }

    [Fact]
    public async Task an_identical_republish_changes_nothing_and_other_content_under_the_same_version_is_refused()
    {
        var first = await _centre.Admin.PostRaw("/api/affair-types", await SampleAs("wp-immutable"));
        var again = await _centre.Admin.PostRaw("/api/affair-types", await SampleAs("wp-immutable"));
        var changed = await _centre.Admin.PostRaw("/api/affair-types", await SampleAs("wp-immutable", "（修订）"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal((await first.Json()).GetProperty("revision").GetInt64(), (await again.Json()).GetProperty("revision").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("publication.version-conflict", (await changed.Json()).Str("code"));
        Assert.Single(await EventsOf(AffairTypeCatalog.StreamFor("wp-immutable")));
    }

    [Fact]
    public async Task an_idempotency_key_on_a_publication_returns_the_first_answer()
    {
        var json = await SampleAs("wp-idempotent");
        var first = await Send(_centre.Admin, HttpMethod.Post, "/api/affair-types", Json(json), idempotencyKey: "publish-wp-idempotent");
        Assert.Equal(HttpStatusCode.NoContent, (await _centre.Admin.Post("/api/affair-types/wp-idempotent/versions/1/retire", new { reason = "replaced" })).StatusCode);

        var retried = await Send(_centre.Admin, HttpMethod.Post, "/api/affair-types", Json(json), idempotencyKey: "publish-wp-idempotent");
        var unkeyed = await _centre.Admin.PostRaw("/api/affair-types", json);
        var reused = await Send(_centre.Admin, HttpMethod.Post, "/api/affair-types", Json(await SampleAs("wp-idempotent", "（修订）")), idempotencyKey: "publish-wp-idempotent");

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal((await first.Json()).GetRawText(), (await retried.Json()).GetRawText());
        Assert.Equal((0L, 1L), ((await retried.Json()).GetProperty("revision").GetInt64(), (await unkeyed.Json()).GetProperty("revision").GetInt64()));
        Assert.Equal("idempotency.key-reused", (await reused.Json()).Str("code"));
        Assert.Equal(2, (await EventsOf(AffairTypeCatalog.StreamFor("wp-idempotent"))).Count);
    }

    [Fact]
    public async Task a_caseworker_may_not_publish_or_retire_rules()
    {
        var type = await _centre.A.PostRaw("/api/affair-types", await SampleAs("wp-forbidden"));
        var retire = await _centre.A.Post("/api/affair-types/dibao/versions/1/retire", new { reason = "no" });
        var policy = await _centre.A.Post("/api/policies", new { id = "wp-forbidden", version = 1, effectiveFrom = "2026-01-01", values = new { line = 1 } });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { type.StatusCode, retire.StatusCode, policy.StatusCode });
        foreach (var refused in new[] { type, retire, policy })
        {
            Assert.Equal("auth.forbidden", (await refused.Json()).Str("code"));
        }

        Assert.Empty(await EventsOf(AffairTypeCatalog.StreamFor("wp-forbidden")));
        Assert.Empty(await EventsOf(PolicyCatalog.StreamFor("wp-forbidden")));
        Assert.Null(host.Services.GetRequiredService<AffairTypeCatalog>().Versions("dibao")[0].RetiredReason);
    }

    [Fact]
    public async Task a_policy_version_over_http_carries_the_actor_the_correlation_id_and_a_valid_chain_and_never_changes()
    {
        var body = new { id = "wp-policy", version = 1, effectiveFrom = "2026-01-01", values = new { line = 900 } };
        var first = await Send(_centre.Admin, HttpMethod.Post, "/api/policies", JsonContent.Create(body), correlationId: "policy-change-3");
        var again = await _centre.Admin.Post("/api/policies", body);
        var changed = await _centre.Admin.Post("/api/policies", body with { values = new { line = 950 } });
        var next = await _centre.Admin.Post("/api/policies", new { id = "wp-policy", version = 2, effectiveFrom = "2026-07-01", values = new { line = 950 } });

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Created], new[] { first.StatusCode, again.StatusCode, changed.StatusCode, next.StatusCode });
        Assert.Equal("publication.version-conflict", (await changed.Json()).Str("code"));
        var events = await EventsOf(PolicyCatalog.StreamFor("wp-policy"));
        Assert.Equal(2, events.Count);
        Assert.Equal(("demo-admin", "policy-change-3"), (events[0].Metadata.ActorId, events[0].Metadata.CorrelationId));
        var check = await host.Services.GetRequiredService<ChainVerifier>().VerifyAsync(PolicyCatalog.StreamFor("wp-policy"));
        Assert.True(check.Valid, check.Problem);
        Assert.Equal(950, (await _centre.A.GetAsync("/api/policies/wp-policy/in-force?on=2026-07-01").Json()).GetProperty("values").GetProperty("line").GetInt32());
    }
}
