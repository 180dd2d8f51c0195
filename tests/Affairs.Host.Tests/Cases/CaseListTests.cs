using System.Net;
using System.Text.Json;

namespace Affairs.Host.Tests.Cases;

/// <summary><c>GET /api/cases</c>: the filters, cursor paging while cases keep opening, and the refusals.</summary>
[Collection(HostCollection.Name)]
public sealed class CaseListTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_case_is_listed_with_its_type_state_subject_post_handler_and_revision_and_no_data()
    {
        var caseId = await _centre.OpenAndAccept();
        var view = await _centre.A.GetAsync($"/api/cases/{caseId}").Json();

        var item = Assert.Single(await Items(_centre.Auditor, $"subjectId={view.Str("subjectId")}"));

        Assert.Equal((caseId, "dibao", view.GetProperty("definitionVersion").GetInt32(), "investigation", "open"), (item.Str("caseId"), item.Str("affairTypeId"), item.GetProperty("definitionVersion").GetInt32(), item.Str("state"), item.Str("status")));
        Assert.Equal(("household", "post:dibao", "dibao"), (item.Str("subjectKind"), item.Str("stepHandler"), item.Str("postId")));
        Assert.Equal(view.GetProperty("responsible").Str("staffId"), item.Str("responsibleId"));
        Assert.Equal(view.GetProperty("revision").GetInt64(), item.GetProperty("revision").GetInt64());
        Assert.Null(Api.Optional(item, "closedAt"));
        Assert.False(item.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task the_affair_type_state_status_post_and_handler_filters_keep_only_matching_cases()
    {
        var accepted = await _centre.OpenAndAccept();
        var withdrawn = await _centre.OpenDibao();
        await Centre.Ok(_centre.A.Post($"/api/cases/{withdrawn}/withdraw", new { reason = "moved away" }));
        var responsible = (await _centre.A.GetAsync($"/api/cases/{accepted}").Json()).GetProperty("responsible").Str("staffId");
        var other = responsible == "s-dibao-a" ? "s-dibao-b" : "s-dibao-a";

        Assert.Contains(accepted, await Ids("affairType=dibao"));
        Assert.DoesNotContain(accepted, await Ids("affairType=home-elderly-care"));
        Assert.Contains(accepted, await Ids("affairType=dibao&state=investigation"));
        Assert.DoesNotContain(accepted, await Ids("state=application"));
        Assert.Contains(withdrawn, await Ids("status=closed"));
        Assert.DoesNotContain(withdrawn, await Ids("status=open"));
        Assert.Contains(accepted, await Ids("status=open&postId=dibao"));
        Assert.DoesNotContain(accepted, await Ids("postId=insurance"));
        Assert.Contains(accepted, await Ids($"handler={responsible}"));
        Assert.DoesNotContain(accepted, await Ids($"handler={other}"));
        Assert.All(await Items(_centre.Supervisor, "status=closed&affairType=dibao"), i => Assert.Equal(("closed", "dibao"), (i.Str("status"), i.Str("affairTypeId"))));
        var closed = Assert.Single(await Items(_centre.Auditor, $"subjectId={(await _centre.A.GetAsync($"/api/cases/{withdrawn}").Json()).Str("subjectId")}"));
        Assert.NotNull(Api.Optional(closed, "closedAt"));
        Assert.Null(Api.Optional(closed, "responsibleId"));
    }

    [Fact]
    public async Task the_opened_range_takes_iso_times_half_open_and_dates_in_centre_time_inclusive()
    {
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var caseId = await _centre.OpenDibao();
        var openedAt = (await _centre.A.GetAsync($"/api/cases/{caseId}").Json()).GetProperty("openedAt").GetDateTimeOffset();
        var day = openedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));

        Assert.Contains(caseId, await Ids($"openedFrom={Iso(openedAt)}&openedTo={Iso(openedAt.AddSeconds(1))}"));
        Assert.DoesNotContain(caseId, await Ids($"openedFrom={Iso(openedAt.AddSeconds(1))}"));
        Assert.DoesNotContain(caseId, await Ids($"openedTo={Iso(openedAt)}"));
        Assert.Contains(caseId, await Ids($"openedFrom={day}&openedTo={day}"));
        Assert.DoesNotContain(caseId, await Ids($"openedTo={DateOnly.Parse(day).AddDays(-1):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task paging_gives_every_case_once_while_cases_keep_opening()
    {
        for (var i = 0; i < 10; i++)
        {
            await _centre.OpenDibao();
        }

        var before = await Ids(string.Empty);
        var seen = new List<string>();
        var opened = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Centre.Ok(_centre.Auditor.GetAsync($"/api/cases?limit=3{(cursor is null ? string.Empty : $"&cursor={cursor}")}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Str("caseId")));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 3);
            cursor = Api.Optional(page, "nextCursor");
            if (cursor is not null && pages++ < 3)
            {
                opened.AddRange(await Task.WhenAll(_centre.OpenDibao(), _centre.OpenDibao()));
            }
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Except(seen));
        Assert.Empty(opened.Except(seen));
        Assert.Equal(6, opened.Count);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=aG91c2Vob2xkczox", "cursor")]
    [InlineData("status=pending", "status")]
    [InlineData("status=1", "status")]
    [InlineData("affairType=no-such-type", "affairType")]
    [InlineData("state=no-such-state", "state")]
    [InlineData("postId=no-such-post", "postId")]
    [InlineData("handler=s-nobody", "handler")]
    [InlineData("openedFrom=yesterday", "openedFrom")]
    [InlineData("openedTo=2026-02-30", "openedTo")]
    [InlineData("openedFrom=2026-03-10&openedTo=2026-03-01", "openedTo")]
    public async Task a_bad_filter_or_page_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await _centre.Auditor.GetAsync($"/api/cases?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task a_bad_status_lists_the_allowed_values()
    {
        var problem = await _centre.Auditor.GetAsync("/api/cases?status=pending").Json();

        Assert.Contains("open, closed", problem.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task listing_cases_needs_the_right_to_read_cases()
    {
        var anonymous = await host.As(null).GetAsync("/api/cases");
        var administrator = await _centre.Admin.GetAsync("/api/cases");
        var integration = await _centre.Integration.GetAsync("/api/cases?limit=1");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, administrator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, integration.StatusCode);
    }

    private async Task<List<JsonElement>> Items(HttpClient client, string query)
    {
        var page = await Centre.Ok(client.GetAsync($"/api/cases?limit=200&{query}"));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Every case id the filter gives, across all pages.</summary>
    private async Task<List<string>> Ids(string query) =>
        [.. (await _centre.Auditor.Pages($"/api/cases?limit=200&{query}")).SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.Str("caseId"))];
}
