using System.Net;

namespace Affairs.Host.Tests.Cases;

/// <summary>Every write on a case honours If-Match and Idempotency-Key alike.</summary>
[Collection(HostCollection.Name)]
public sealed class CaseWriteGuardTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    /// <summary>Each case write other than a trigger, as (route, body, who may send it).</summary>
    public static TheoryData<string> Writes => ["data", "materials", "notes", "withdraw", "reassign"];

    private (string Route, object Body, HttpClient Client) Write(string kind, string caseId) => kind switch
    {
        "data" => ($"/api/cases/{caseId}/data", new { changes = new { householdSize = 4 }, reason = "a new member" }, _centre.A),
        "materials" => ($"/api/cases/{caseId}/materials", new { materialId = "income-proof", fileName = "p.pdf", mediaType = "application/pdf", sizeBytes = 10, contentHash = new string('d', 64) }, _centre.A),
        "notes" => ($"/api/cases/{caseId}/notes", new { text = "called the applicant" }, _centre.A),
        "withdraw" => ($"/api/cases/{caseId}/withdraw", new { reason = "no longer needed" }, _centre.A),
        "reassign" => ($"/api/cases/{caseId}/reassign", new { toStaffId = "s-dibao-b", reason = "A is overloaded" }, _centre.Supervisor),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task a_stale_if_match_is_409_a_malformed_one_400_and_the_current_one_succeeds(string kind)
    {
        var caseId = await _centre.OpenDibao();
        var (route, body, client) = Write(kind, caseId);
        var revision = (await _centre.A.GetAsync($"/api/cases/{caseId}").Json()).GetProperty("revision").GetInt64();

        var stale = await client.Post(route, body, ifMatch: "\"999\"");
        var malformed = await client.Post(route, body, ifMatch: "garbage");
        var current = await client.Post(route, body, ifMatch: $"\"{revision}\"");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(("concurrency.conflict", revision), ((await stale.Json()).Str("code"), (await stale.Json()).GetProperty("currentRevision").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("request.if-match-malformed", (await malformed.Json()).Str("code"));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal($"\"{revision + 1}\"", current.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task thirty_two_parallel_notes_with_one_key_record_one_note_and_answer_alike()
    {
        var caseId = await _centre.OpenDibao();
        var before = (await _centre.A.GetAsync($"/api/cases/{caseId}").Json()).GetProperty("revision").GetInt64();

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => _centre.A.Post($"/api/cases/{caseId}/notes", new { text = "called the applicant" }, idempotencyKey: "note-" + caseId)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        var history = await _centre.Auditor.GetAsync($"/api/cases/{caseId}").Json();
        Assert.Equal(before + 1, history.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task thirty_two_parallel_openings_with_one_key_open_one_case()
    {
        var household = await _centre.NewHousehold();
        var key = "open-" + household;

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => _centre.A.Post("/api/cases", new { affairTypeId = "dibao", subjectId = household, data = new { applicationKind = "initial" } }, idempotencyKey: key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Json()).Str("caseId")));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task an_idempotency_key_over_200_characters_is_a_400_naming_the_header()
    {
        var caseId = await _centre.OpenDibao();

        var response = await _centre.A.Post($"/api/cases/{caseId}/notes", new { text = "x" }, idempotencyKey: new string('k', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("validation.failed", problem.Str("code"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task a_key_reused_for_another_payload_is_refused()
    {
        var caseId = await _centre.OpenDibao();
        await Centre.Ok(_centre.A.Post($"/api/cases/{caseId}/notes", new { text = "first" }, idempotencyKey: "reused-" + caseId));

        var response = await _centre.A.Post($"/api/cases/{caseId}/notes", new { text = "second" }, idempotencyKey: "reused-" + caseId);

        Assert.Equal("idempotency.key-reused", (await response.Json()).Str("code"));
        var view = await _centre.Auditor.GetAsync($"/api/cases/{caseId}").Json();
        Assert.Equal(1, view.GetProperty("revision").GetInt64());
    }
}
