using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace Affairs.Host.Tests.Problems;

[Collection(HostCollection.Name)]
public sealed class ProblemTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task invalid_fields_are_400_listing_every_field_at_once()
    {
        var response = await _centre.A.Post("/api/cases", new { affairTypeId = "", subjectId = "", channel = "fax", version = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Snapshot.Match(Normalized(await response.Json()));
    }

    [Fact]
    public async Task a_refused_trigger_problem_has_a_stable_shape()
    {
        var caseId = await _centre.OpenAndAccept();

        var problem = await _centre.A.Post($"/api/cases/{caseId}/triggers/approve").Json();

        Snapshot.Match(Normalized(problem, caseId));
    }

    [Fact]
    public async Task malformed_json_is_400_with_its_code_and_no_internals()
    {
        var response = await _centre.A.PostRaw("/api/cases", "{\"affairTypeId\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("request.malformed-json", JsonDocument.Parse(body).RootElement.Str("code"));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"reason":"first","reason":"second"}""", "reason")]
    [InlineData("""{"reason":"first","Reason":"second"}""", "Reason")]
    [InlineData("""{"reason":"first","data":{"missingItems":["income-proof"],"missingItems":["second"]}}""", "data")]
    public async Task a_member_given_twice_is_400_naming_where_and_nothing_is_recorded(string body, string field)
    {
        var caseId = await _centre.OpenDibao();

        var response = await _centre.A.PostRaw($"/api/cases/{caseId}/triggers/request-supplement", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("request.malformed-json", problem.Str("code"));
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.StartsWith(field, error.Name, StringComparison.Ordinal);
        Assert.Contains("more than once", error.Value[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("second", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, (await _centre.A.GetAsync($"/api/cases/{caseId}").Json()).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task a_query_value_of_the_wrong_type_is_400_naming_the_parameter()
    {
        var response = await _centre.A.GetAsync("/api/cases/c-any?at=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("request.invalid", problem.Str("code"));
        Assert.Contains("at", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_415()
    {
        var response = await _centre.A.PostRaw("/api/cases", "affairTypeId=dibao", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("request.unsupported-media-type", (await response.Json()).Str("code"));
    }

    [Fact]
    public async Task a_body_over_the_limit_is_413()
    {
        var response = await _centre.A.PostRaw("/api/cases", $"{{\"affairTypeId\":\"{new string('x', 70_000)}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too-large", (await response.Json()).Str("code"));
    }

    [Fact]
    public async Task an_unknown_route_is_a_404_problem()
    {
        var response = await _centre.A.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("http.not-found", (await response.Json()).Str("code"));
    }

    [Fact]
    public async Task every_problem_carries_the_correlation_id_of_its_request()
    {
        var response = await _centre.A.GetAsync("/api/cases/c-none");

        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), (await response.Json()).Str("correlationId"));
    }

    /// <summary>The problem without what changes per run: trace and correlation ids, and the case id.</summary>
    internal static Newtonsoft.Json.Linq.JToken Normalized(JsonElement problem, string? caseId = null)
    {
        var node = JsonNode.Parse(caseId is null ? problem.GetRawText() : problem.GetRawText().Replace(caseId, "{case}", StringComparison.Ordinal))!.AsObject();
        node.Remove("traceId");
        node.Remove("correlationId");
        return Newtonsoft.Json.Linq.JToken.Parse(node.ToJsonString());
    }
}
