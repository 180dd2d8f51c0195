using System.Net;
using Snapshooter.Xunit;

namespace Affairs.Host.Tests.AffairTypes;

[Collection(HostCollection.Name)]
public sealed class AffairTypeApiTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task the_built_in_types_are_listed_with_their_versions()
    {
        var types = await _centre.A.GetAsync("/api/affair-types").Json();

        var ids = types.EnumerateArray().Select(t => t.Str("id")).ToList();
        Assert.Superset(new HashSet<string> { "dibao", "home-elderly-care", "medical-insurance", "retiree-certification" }, ids.ToHashSet());
        Assert.All(types.EnumerateArray(), t => Assert.True(t.GetProperty("versions").GetArrayLength() >= 1));
    }

    [Fact]
    public async Task one_version_is_returned_as_published()
    {
        var version = await _centre.A.GetAsync("/api/affair-types/dibao/versions/3").Json();

        Assert.Equal("dibao", version.GetProperty("definition").Str("id"));
        Assert.Equal(64, version.Str("contentHash").Length);
    }

    [Fact]
    public async Task the_diagram_is_mermaid_or_dot()
    {
        var mermaid = await _centre.A.GetAsync("/api/affair-types/dibao/versions/3/diagram");
        var dot = await _centre.A.GetStringAsync("/api/affair-types/dibao/versions/3/diagram?format=dot");

        Assert.Equal("text/vnd.mermaid", mermaid.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("stateDiagram-v2", (await mermaid.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("digraph", dot.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_administrator_publishes_the_sample_type_and_publishing_it_again_changes_nothing()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "temporary-assistance.json"));

        var first = await _centre.Admin.PostRaw("/api/affair-types", json);
        var again = await _centre.Admin.PostRaw("/api/affair-types", json);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal((await first.Json()).Str("contentHash"), (await again.Json()).Str("contentHash"));
        Assert.Equal(HttpStatusCode.OK, (await _centre.A.GetAsync("/api/affair-types/temporary-assistance/versions/1")).StatusCode);
    }

    [Fact]
    public async Task an_invalid_definition_is_400_with_every_problem_and_its_path()
    {
        const string Invalid = """
            { "id": "broken", "version": 1, "subject": "person", "initialState": "start",
              "states": [ { "name": "start", "handler": "no-such-post" }, { "name": "island", "handler": "dibao" } ],
              "transitions": [ { "from": "start", "trigger": "go", "to": "nowhere", "roles": ["handler"] } ] }
            """;

        var response = await _centre.Admin.PostRaw("/api/affair-types", Invalid);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("affair-type.invalid", problem.Str("code"));
        Assert.All(problem.GetProperty("problems").EnumerateArray(), p => Assert.StartsWith("$", p.Str("path"), StringComparison.Ordinal));
        Snapshot.Match(Problems.ProblemTests.Normalized(problem));
    }

    [Fact]
    public async Task a_policy_version_is_published_and_read_back()
    {
        var published = await _centre.Admin.Post("/api/policies", new { id = "test-policy", version = 1, effectiveFrom = "2026-01-01", values = new { line = 900 } });
        var timeline = await _centre.A.GetAsync("/api/policies/test-policy").Json();
        var invalid = await _centre.Admin.Post("/api/policies", new { id = "Bad Id", version = 0 });

        var inForce = await _centre.A.GetAsync("/api/policies/dibao/in-force?on=2026-03-09").Json();
        var before = await _centre.A.GetAsync("/api/policies/dibao/in-force?on=2025-12-31");
        Assert.Equal(800, inForce.GetProperty("values").GetProperty("dibaoLine").GetInt32());
        var listed = await _centre.A.GetAsync("/api/policies").Json();
        Assert.Contains(listed.EnumerateArray(), p => p.Str("id") == "dibao");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(900, timeline.GetProperty("versions")[0].GetProperty("values").GetProperty("line").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("id", out _) && errors.TryGetProperty("version", out _) && errors.TryGetProperty("effectiveFrom", out _));
    }
}
