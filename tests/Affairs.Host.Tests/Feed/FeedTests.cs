using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Affairs.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Affairs.Host.Tests.Feed;

[Collection(HostCollection.Name)]
public sealed class FeedTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task the_feed_resumes_after_the_clients_position_in_order()
    {
        var start = await LastPosition();
        var caseId = await _centre.OpenDibao();

        var page = await _centre.Integration.GetAsync($"/api/feed?after={start}&wait=0").Json();

        var positions = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.All(positions, p => Assert.True(p > start));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains(page.GetProperty("events").EnumerateArray(), e => e.Str("type") == "case.opened.v1" && e.Str("streamId") == caseId);
        Assert.Equal(positions[^1], page.GetProperty("lastPosition").GetInt64());
    }

    [Fact]
    public async Task an_event_of_a_type_this_version_does_not_know_goes_out_in_order_with_its_data_withheld_unless_allowed()
    {
        var start = await LastPosition();
        var store = host.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync(
            new StreamName($"survey-{Guid.NewGuid():N}"),
            ExpectedRevision.NoStream,
            [new EventToAppend(Guid.NewGuid(), "survey.answered.v3", """{"answer":"满意","phone":"13800138000"}"""u8.ToArray(), "{}"u8.ToArray())]);
        await _centre.OpenDibao();

        var masked = await _centre.Integration.GetAsync($"/api/feed?after={start}&wait=0").Json();
        var unmasked = await _centre.IntegrationWithPersonalData.GetAsync($"/api/feed?after={start}&wait=0").Json();

        var unknown = Assert.Single(masked.GetProperty("events").EnumerateArray(), e => e.Str("type") == "survey.answered.v3");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unknown.GetProperty("data").ValueKind);
        Assert.Contains(masked.GetProperty("events").EnumerateArray(), e => e.Str("type") == "case.opened.v1");
        var full = Assert.Single(unmasked.GetProperty("events").EnumerateArray(), e => e.Str("type") == "survey.answered.v3");
        Assert.Equal("满意", full.GetProperty("data").Str("answer"));
    }

    [Fact]
    public async Task personal_data_is_masked_unless_the_scope_allows_it()
    {
        var start = await LastPosition();
        await _centre.NewResident("司马光");

        var masked = await Registered(_centre.Integration, start);
        var unmasked = await Registered(_centre.IntegrationWithPersonalData, start);
        var auditor = await Registered(_centre.Auditor, start);

        Assert.Equal(("司**", "138****8000"), (masked.Str("name"), masked.Str("phone")));
        Assert.Equal(("司马光", "13800138000"), (unmasked.Str("name"), unmasked.Str("phone")));
        Assert.Equal("司马光", auditor.Str("name"));
    }

    [Fact]
    public async Task personal_case_data_in_the_feed_is_masked_per_scope()
    {
        var caseId = await _centre.OpenAndAccept();
        var start = await LastPosition();
        await Centre.Ok(_centre.A.Post($"/api/cases/{caseId}/data", new { changes = new { bankAccount = "6222020200112233445" }, reason = "account given early" }));

        var masked = await _centre.Integration.GetAsync($"/api/feed?after={start}&category=case&wait=5").Json();
        var unmasked = await _centre.IntegrationWithPersonalData.GetAsync($"/api/feed?after={start}&category=case&wait=5").Json();

        Assert.Equal("***", masked.GetProperty("events")[0].GetProperty("data").GetProperty("changes").Str("bankAccount"));
        Assert.Equal("6222020200112233445", unmasked.GetProperty("events")[0].GetProperty("data").GetProperty("changes").Str("bankAccount"));
    }

    [Fact]
    public async Task the_feed_filters_by_category_and_by_affair_type()
    {
        var start = await LastPosition();
        await _centre.OpenDibao();

        var cases = await _centre.Integration.GetAsync($"/api/feed?after={start}&category=case&wait=0").Json();
        var dibao = await _centre.Integration.GetAsync($"/api/feed?after={start}&affairType=dibao&wait=0").Json();
        var insurance = await _centre.Integration.GetAsync($"/api/feed?after={start}&affairType=medical-insurance&wait=0").Json();

        Assert.All(cases.GetProperty("events").EnumerateArray(), e => Assert.Equal("case", e.Str("category")));
        Assert.NotEqual(0, dibao.GetProperty("events").GetArrayLength());
        Assert.All(dibao.GetProperty("events").EnumerateArray(), e => Assert.Equal("dibao", e.Str("affairTypeId")));
        Assert.Equal(0, insurance.GetProperty("events").GetArrayLength());
        Assert.True(insurance.GetProperty("lastPosition").GetInt64() > start);
    }

    [Fact]
    public async Task a_long_poll_waits_for_the_next_event()
    {
        var start = await LastPosition();

        var poll = _centre.Integration.GetAsync($"/api/feed?after={start}&wait=20");
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);
        await _centre.NewResident();
        var page = await (await poll).Json();

        Assert.NotEqual(0, page.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task server_sent_events_carry_the_position_as_id_and_resume_from_last_event_id()
    {
        var start = await LastPosition();
        await _centre.NewResident();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed?category=resident");
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add("Last-Event-ID", start.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await _centre.Integration.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var lines = new List<string>();
        while (!lines.Any(l => l.StartsWith("data: ", StringComparison.Ordinal)))
        {
            lines.Add(await reader.ReadLineAsync(timeout.Token) ?? string.Empty);
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var id = long.Parse(lines.Single(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(id > start);
        Assert.Contains("event: resident.registered.v1", lines);
        var data = JsonDocument.Parse(lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..]).RootElement;
        Assert.Equal(id, data.GetProperty("position").GetInt64());
        Assert.Equal("测**", data.GetProperty("data").Str("name"));
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("max=0", "max")]
    [InlineData("max=1001", "max")]
    [InlineData("wait=-1", "wait")]
    [InlineData("wait=61", "wait")]
    [InlineData("category=case-x", "category")]
    public async Task a_number_out_of_its_range_is_a_400_naming_the_parameter_not_another_value(string query, string field)
    {
        var response = await _centre.Integration.GetAsync($"/api/feed?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task a_page_holds_at_most_max_events()
    {
        await _centre.OpenDibao();

        var page = await _centre.Integration.GetAsync("/api/feed?after=0&max=2&wait=0").Json();

        Assert.Equal(2, page.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task a_caseworker_may_not_read_the_feed()
    {
        var response = await _centre.A.GetAsync("/api/feed?wait=0");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task the_public_contract_of_a_feed_event_is_stable()
    {
        var start = await LastPosition();
        var caseId = await _centre.OpenDibao();

        var page = await _centre.Integration.GetAsync($"/api/feed?after={start}&category=case&wait=0").Json();

        var opened = page.GetProperty("events").EnumerateArray().Single(e => e.Str("type") == "case.opened.v1");
        var subject = opened.GetProperty("data").Str("subjectId");
        var node = JsonNode.Parse(opened.GetRawText().Replace(caseId, "{case}", StringComparison.Ordinal).Replace(subject, "{household}", StringComparison.Ordinal))!.AsObject();
        foreach (var changing in new[] { "position", "eventId", "correlationId", "recordedAt" })
        {
            Assert.True(node.Remove(changing), changing);
        }

        node["data"]!.AsObject().Remove("openedAt");
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(node.ToJsonString()));
    }

    private async Task<JsonElement> Registered(HttpClient client, long after)
    {
        var page = await client.GetAsync($"/api/feed?after={after}&category=resident&wait=5").Json();
        return page.GetProperty("events").EnumerateArray().Last(e => e.Str("type") == "resident.registered.v1").GetProperty("data");
    }

    private async Task<long> LastPosition()
    {
        var after = 0L;
        while (true)
        {
            var page = await _centre.Auditor.GetAsync($"/api/feed?after={after}&max=1000&wait=0").Json();
            var last = page.GetProperty("lastPosition").GetInt64();
            if (last == after)
            {
                return after;
            }

            after = last;
        }
    }
}
