using System.Net;
using System.Text;
using Affairs.EventStore;

namespace Affairs.Host.Tests.Residents;

/// <summary><c>POST /api/residents/search</c>: residents found by part of their name, for callers who may see names.</summary>
[Collection(HostCollection.Name)]
public sealed class ResidentSearchTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    /// <summary>A surname no other test registers, so a search finds only this test's residents.</summary>
    private static string Unique() => "查" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('甲' + (c % 10))));

    [Fact]
    public async Task a_caseworker_finds_residents_by_part_of_the_name_with_their_households_oldest_first()
    {
        var surname = Unique();
        var first = await _centre.NewResident(surname + "一");
        var household = (await Centre.Ok(_centre.A.Post("/api/households", new { headResidentId = first, address = "东门街道测试路 2 号", gridId = "g-01" }))).Str("householdId");
        var second = await _centre.NewResident(surname + "二");
        await _centre.NewResident("别" + surname[1..]);

        var page = await Centre.Ok(_centre.A.Post("/api/residents/search", new { name = "  " + surname + " " }));

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([first, second], items.Select(i => i.Str("residentId")));
        Assert.Equal([surname + "一", surname + "二"], items.Select(i => i.Str("name")));
        Assert.Equal("active", items[0].Str("status"));
        var membership = Assert.Single(items[0].GetProperty("households").EnumerateArray());
        Assert.Equal((household, "head"), (membership.Str("householdId"), membership.Str("relation")));
        Assert.Empty(items[1].GetProperty("households").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.TryGetProperty("nextCursor", out var next) ? next.ValueKind : System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task a_resident_who_moved_out_or_died_is_still_found_with_that_status()
    {
        var surname = Unique();
        var moved = await _centre.NewResident(surname + "迁");
        var died = await _centre.NewResident(surname + "故");
        await Centre.Ok(_centre.A.Post($"/api/residents/{moved}/move-out", new { on = "2025-06-01" }));
        await Centre.Ok(_centre.A.Post($"/api/residents/{died}/death", new { dateOfDeath = "2025-06-02", source = "hospital" }));

        var items = (await Centre.Ok(_centre.A.Post("/api/residents/search", new { name = surname }))).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([(moved, "moved-out"), (died, "deceased")], items.Select(i => (i.Str("residentId"), i.Str("status"))));
    }

    [Fact]
    public async Task pages_follow_the_cursor_until_the_last()
    {
        var surname = Unique();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _centre.NewResident(surname + i));
        }

        var first = await Centre.Ok(_centre.A.Post("/api/residents/search", new { name = surname, limit = 2 }));
        var second = await Centre.Ok(_centre.A.Post("/api/residents/search", new { name = surname, limit = 2, cursor = first.Str("nextCursor") }));

        Assert.Equal(ids, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.Str("residentId")));
        Assert.False(second.TryGetProperty("nextCursor", out var last) && last.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task only_callers_who_see_personal_data_may_search_by_name()
    {
        var surname = Unique();
        await _centre.NewResident(surname + "三");

        var masked = await _centre.Integration.Post("/api/residents/search", new { name = surname });
        var administrator = await _centre.Admin.Post("/api/residents/search", new { name = surname });
        var withScope = await _centre.IntegrationWithPersonalData.Post("/api/residents/search", new { name = surname });
        var auditor = await _centre.Auditor.Post("/api/residents/search", new { name = surname });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (masked.StatusCode, administrator.StatusCode));
        Assert.DoesNotContain(surname, await masked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (withScope.StatusCode, auditor.StatusCode));
        Assert.Equal(surname + "三", (await withScope.Json()).GetProperty("items")[0].Str("name"));
    }

    [Theory]
    [InlineData("", null, null, "name")]
    [InlineData("   ", null, null, "name")]
    [InlineData("长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长", null, null, "name")]
    [InlineData("王", 0, null, "limit")]
    [InlineData("王", 201, null, "limit")]
    [InlineData("王", null, "not-a-cursor", "cursor")]
    public async Task bad_input_is_400_naming_the_field_without_echoing_it(string name, int? limit, string? cursor, string field)
    {
        var response = await _centre.A.Post("/api/residents/search", new { name, limit, cursor });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        if (name.Trim().Length > 0)
        {
            Assert.DoesNotContain(name.Trim(), problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_missing_name_is_400_naming_it()
    {
        var response = await _centre.A.Post("/api/residents/search", new { limit = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task each_search_is_recorded_with_who_asked_and_whom_it_showed_and_the_name_is_neither_recorded_nor_logged()
    {
        var surname = Unique();
        var shown = await _centre.NewResident(surname + "四");

        await Centre.Ok(_centre.B.Post("/api/residents/search", new { name = surname }));
        await Centre.Ok(_centre.B.Post("/api/residents/search", new { name = surname + "无此人" }));

        var recorded = new List<RecordedEvent>();
        await foreach (var e in host.Store.ReadStreamAsync(new StreamName("lookup-by-name.s-dibao-b"), ReadDirection.Backwards, StreamRevision.End, 2))
        {
            recorded.Add(e);
        }

        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, e => Assert.Equal("resident.found-by-name.v1", e.Type));
        var (empty, found) = (Encoding.UTF8.GetString(recorded[0].Data.Span), Encoding.UTF8.GetString(recorded[1].Data.Span));
        Assert.Contains($"[\"{shown}\"]", found, StringComparison.Ordinal);
        Assert.Contains("[]", empty, StringComparison.Ordinal);
        Assert.Contains("s-dibao-b", Encoding.UTF8.GetString(recorded[1].Metadata.Span), StringComparison.Ordinal);
        await foreach (var e in host.Store.ReadAllAsync(SubscriptionFilter.All, 0, long.MaxValue))
        {
            if (e.Stream.Category != "resident")
            {
                Assert.DoesNotContain(surname, Encoding.UTF8.GetString(e.Data.Span) + Encoding.UTF8.GetString(e.Metadata.Span), StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Contains(surname, StringComparison.Ordinal));
    }
}
