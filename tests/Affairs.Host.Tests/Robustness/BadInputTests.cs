using System.Net;
using System.Text.Json;

namespace Affairs.Host.Tests.Robustness;

/// <summary>Each input that once answered 500, stored nonsense or echoed itself, now a 4xx problem naming the field.</summary>
[Collection(HostCollection.Name)]
public sealed class BadInputTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    public static TheoryData<string, string> LongIdRoutes => new()
    {
        { "GET", "/api/cases/{long}" },
        { "GET", "/api/cases/{long}/history" },
        { "POST", "/api/cases/{long}/triggers/accept" },
        { "POST", "/api/cases/c-none/triggers/{long}" },
        { "GET", "/api/residents/{long}" },
        { "PUT", "/api/residents/{long}/grid" },
        { "GET", "/api/households/{long}" },
        { "DELETE", "/api/households/{long}/members/{long}" },
        { "GET", "/api/policies/{long}" },
        { "PUT", "/api/organisation/posts/{long}" },
    };

    [Theory]
    [MemberData(nameof(LongIdRoutes))]
    public async Task an_id_longer_than_a_stream_name_may_be_is_404_without_repeating_it(string method, string route)
    {
        var id = new string('x', 300);
        var request = new HttpRequestMessage(new HttpMethod(method), route.Replace("{long}", id, StringComparison.Ordinal))
        {
            Content = method is "GET" or "DELETE" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await (route.Contains("organisation", StringComparison.Ordinal) ? _centre.Admin : _centre.Supervisor).SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("http.not-found", problem.Str("code"));
        Assert.DoesNotContain(id, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_id_in_a_body_longer_than_the_limit_is_400_naming_the_field()
    {
        var response = await _centre.A.Post("/api/households", new { headResidentId = new string('r', 300) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty("headResidentId", out _));
    }

    [Theory]
    [InlineData("/api/households", "{}", "validation.failed", "headResidentId")]
    [InlineData("/api/households", "{\"address\":\"东门街道 1 号\",\"gridId\":\"g-01\"}", "validation.failed", "headResidentId")]
    [InlineData("/api/cases", "", "request.invalid", "body")]
    [InlineData("/api/cases", "null", "request.invalid", "body")]
    public async Task a_body_without_what_the_route_needs_is_400_naming_it(string route, string body, string code, string field)
    {
        var response = await _centre.A.PostRaw(route, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(code, problem.Str("code"));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task an_absence_kind_the_enum_does_not_define_is_400_and_not_stored()
    {
        var response = await _centre.Supervisor.PostRaw("/api/organisation/absences",
            "{\"staffId\":\"s-dibao-a\",\"from\":\"2026-04-01T00:00:00+08:00\",\"to\":\"2026-04-02T00:00:00+08:00\",\"kind\":99}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Contains("leave", problem.GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_enum_name_is_400_naming_the_field_and_the_allowed_values()
    {
        var response = await _centre.Supervisor.PostRaw("/api/organisation/absences",
            "{\"staffId\":\"s-dibao-a\",\"from\":\"2026-04-01T00:00:00+08:00\",\"to\":\"2026-04-02T00:00:00+08:00\",\"kind\":\"holiday-in-the-sun\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("kind")[0].GetString()!;
        Assert.Contains("leave", message, StringComparison.Ordinal);
        Assert.Contains("business-trip", message, StringComparison.Ordinal);
        Assert.DoesNotContain("holiday-in-the-sun", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_field_of_the_wrong_type_is_400_naming_it()
    {
        var response = await _centre.A.PostRaw("/api/residents", "{\"identityNumber\":\"x\",\"name\":{\"a\":1}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Expected a string.", (await response.Json()).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData("/api/residents", "{\"identityNumber\":\"{number}\",\"name\":\"张三\",\"gridId\":\"g-99\"}")]
    [InlineData("/api/households", "{\"headResidentId\":\"{resident}\",\"gridId\":\"g-99\"}")]
    public async Task a_grid_that_does_not_exist_is_400_naming_it(string url, string body)
    {
        var resident = await _centre.NewResident();
        var response = await _centre.A.PostRaw(url, body.Replace("{number}", Api.NewIdentityNumber(), StringComparison.Ordinal).Replace("{resident}", resident, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty("gridId", out _));
    }

    [Fact]
    public async Task assigning_a_grid_that_does_not_exist_is_400()
    {
        var resident = await _centre.NewResident();

        var response = await _centre.A.Put($"/api/residents/{resident}/grid", new { gridId = "g-99" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty("gridId", out _));
    }

    [Theory]
    [InlineData("name", 101)]
    [InlineData("address", 201)]
    [InlineData("phone", 33)]
    public async Task a_text_over_its_documented_limit_is_400_naming_it_and_not_echoed(string field, int length)
    {
        var text = new string('长', length);
        var body = new Dictionary<string, object> { ["identityNumber"] = Api.NewIdentityNumber(), ["name"] = "张三", [field] = text };

        var response = await _centre.A.Post("/api/residents", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var content = await response.Content.ReadAsStringAsync();
        Assert.True(JsonDocument.Parse(content).RootElement.GetProperty("errors").TryGetProperty(field, out _), content);
        Assert.DoesNotContain(text, content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_note_over_its_limit_is_400_and_one_at_the_limit_is_taken()
    {
        var caseId = await _centre.OpenDibao();

        var tooLong = await _centre.A.Post($"/api/cases/{caseId}/notes", new { text = new string('记', 4001) });
        var atLimit = await _centre.A.Post($"/api/cases/{caseId}/notes", new { text = new string('记', 4000) });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (tooLong.StatusCode, atLimit.StatusCode));
    }

    [Fact]
    public async Task unknown_data_fields_are_not_echoed_in_bulk()
    {
        var caseId = await _centre.OpenDibao();
        var name = new string('f', 5000);

        var response = await _centre.A.Post($"/api/cases/{caseId}/data", new { changes = new Dictionary<string, int> { [name] = 1 }, reason = "更正" });

        Assert.True((int)response.StatusCode is >= 400 and < 500);
        Assert.DoesNotContain(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_query_value_that_does_not_parse_is_named_but_not_repeated()
    {
        var response = await _centre.A.GetAsync("/api/cases/c-any?revision=not-a-number-at-all");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("revision", out _));
        Assert.DoesNotContain("not-a-number-at-all", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_revision_the_case_has_not_reached_is_404_and_a_negative_one_400()
    {
        var caseId = await _centre.OpenDibao();

        var beyond = await _centre.A.GetAsync($"/api/cases/{caseId}?revision=999");
        var negative = await _centre.A.GetAsync($"/api/cases/{caseId}?revision=-1");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (beyond.StatusCode, negative.StatusCode));
        Assert.Equal("case.revision-not-found", (await beyond.Json()).Str("code"));
    }

    [Fact]
    public async Task a_401_names_the_scheme_to_authenticate_with()
    {
        var response = await host.As(null).GetAsync("/api/organisation");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("ApiKey", challenge.Scheme);
        Assert.Contains("realm=\"affairs\"", challenge.Parameter, StringComparison.Ordinal);
    }
}
