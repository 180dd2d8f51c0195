using System.Net;
using System.Text.Json;

namespace Affairs.Host.Tests.Cases;

[Collection(HostCollection.Name)]
public sealed class CaseApiTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task opening_a_case_answers_201_with_id_revision_state_location_and_etag()
    {
        var household = await _centre.NewHousehold();

        var response = await _centre.A.Post("/api/cases", new { affairTypeId = "dibao", subjectId = household, data = new { applicationKind = "initial" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(("application", 0), (body.Str("state"), body.GetProperty("revision").GetInt32()));
        Assert.Equal($"/api/cases/{body.Str("caseId")}", response.Headers.Location!.ToString());
        Assert.Equal("\"0\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task a_case_reads_now_and_replays_to_an_earlier_revision()
    {
        var caseId = await _centre.OpenAndAccept();

        var now = await _centre.A.GetAsync($"/api/cases/{caseId}");
        var atOpening = await _centre.A.GetAsync($"/api/cases/{caseId}?revision=0").Json();

        var current = await now.Json();
        Assert.Equal("investigation", current.Str("state"));
        Assert.Equal($"\"{current.GetProperty("revision").GetInt64()}\"", now.Headers.ETag!.Tag);
        Assert.Equal(("application", 0), (atOpening.Str("state"), atOpening.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task the_case_payload_has_a_stable_shape()
    {
        var caseId = await _centre.OpenAndAccept();

        var view = await _centre.Auditor.GetAsync($"/api/cases/{caseId}").Json();

        Snapshooter.Xunit.Snapshot.Match(Api.Snapshotable(view, (caseId, "case"), (view.Str("subjectId"), "household")));
    }

    [Fact]
    public async Task a_case_replays_to_a_moment()
    {
        var caseId = await _centre.OpenDibao();
        var before = host.Clock.GetUtcNow();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var material in new[] { "application-form", "id-cards", "household-register", "income-proof" })
        {
            await Centre.Ok(Centre.Attach(_centre.A, caseId, material));
        }

        await Centre.Ok(_centre.A.Post($"/api/cases/{caseId}/triggers/accept", new { data = new { householdSize = 2 } }));

        var then = await _centre.Auditor.GetAsync($"/api/cases/{caseId}?at={Uri.EscapeDataString(before.ToString("O"))}").Json();
        Assert.Equal(("application", 0), (then.Str("state"), then.GetProperty("materials").GetArrayLength()));
    }

    [Fact]
    public async Task firing_with_the_current_revision_in_if_match_succeeds_and_answers_the_new_etag()
    {
        var caseId = await _centre.OpenAndAccept();
        var revision = (await _centre.A.GetAsync($"/api/cases/{caseId}").Json()).GetProperty("revision").GetInt64();

        var response = await _centre.A.Post($"/api/cases/{caseId}/triggers/record-data-check", new { data = new { dataCheckReportNo = "HC-1", monthlyIncomePerPerson = 500 } }, ifMatch: $"\"{revision}\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{revision + 1}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task a_stale_if_match_is_409_with_the_current_revision()
    {
        var caseId = await _centre.OpenAndAccept();
        var revision = (await _centre.A.GetAsync($"/api/cases/{caseId}").Json()).GetProperty("revision").GetInt64();

        var response = await _centre.A.Post($"/api/cases/{caseId}/triggers/record-data-check", new { data = new { dataCheckReportNo = "HC-1", monthlyIncomePerPerson = 500 } }, ifMatch: $"\"{revision - 1}\"");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(("concurrency.conflict", revision), (problem.Str("code"), problem.GetProperty("currentRevision").GetInt64()));
    }

    [Fact]
    public async Task a_malformed_if_match_is_400_and_a_missing_one_is_allowed()
    {
        var caseId = await _centre.OpenAndAccept();
        var data = new { data = new { dataCheckReportNo = "HC-1", monthlyIncomePerPerson = 500 } };

        var malformed = await _centre.A.Post($"/api/cases/{caseId}/triggers/record-data-check", data, ifMatch: "W/\"abc\"");
        var missing = await _centre.A.Post($"/api/cases/{caseId}/triggers/record-data-check", data);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("request.if-match-malformed", (await malformed.Json()).Str("code"));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
    }

    [Fact]
    public async Task a_trigger_not_permitted_now_is_422_with_the_permitted_triggers()
    {
        var caseId = await _centre.OpenAndAccept();

        var response = await _centre.A.Post($"/api/cases/{caseId}/triggers/approve");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Json();
        Assert.Equal("case.trigger-not-permitted", problem.Str("code"));
        var permitted = problem.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("record-data-check", permitted);
        Assert.DoesNotContain("approve", permitted);
    }

    [Fact]
    public async Task someone_not_responsible_is_403_with_the_reason()
    {
        var caseId = await _centre.OpenAndAccept();

        var response = await _centre.Grid.Post($"/api/cases/{caseId}/triggers/record-data-check", new { data = new { dataCheckReportNo = "HC-1", monthlyIncomePerPerson = 500 } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("case.not-responsible", problem.Str("code"));
        Assert.Contains("s-dibao-a as A", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task permitted_triggers_are_those_of_the_caller()
    {
        var caseId = await _centre.OpenAndAccept();

        var forA = await _centre.A.GetAsync($"/api/cases/{caseId}/permitted-triggers").Json();
        var forGrid = await _centre.Grid.GetAsync($"/api/cases/{caseId}/permitted-triggers").Json();

        Assert.Equal("a", forA.Str("actingRole"));
        Assert.Contains(forA.GetProperty("triggers").EnumerateArray(), t => t.Str("trigger") == "record-data-check" && t.GetProperty("permitted").GetBoolean());
        Assert.False(string.IsNullOrEmpty(forGrid.Str("refusal")));
    }

    [Fact]
    public async Task history_is_the_timeline_and_verify_checks_the_chain()
    {
        var caseId = await _centre.OpenAndAccept();

        var history = await _centre.Auditor.GetAsync($"/api/cases/{caseId}/history").Json();
        var verify = await _centre.Auditor.GetAsync($"/api/cases/{caseId}/verify").Json();

        var kinds = history.EnumerateArray().Select(e => e.Str("kind")).ToList();
        Assert.Equal("opened", kinds[0]);
        Assert.Contains("transitioned", kinds);
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(history.GetArrayLength(), verify.GetProperty("eventsChecked").GetInt32());
    }

    [Fact]
    public async Task the_correlation_id_of_the_request_reaches_the_events()
    {
        var caseId = await _centre.OpenAndAccept();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/notes") { Content = System.Net.Http.Json.JsonContent.Create(new { text = "called the applicant" }) };
        request.Headers.Add("X-Correlation-Id", "portal-4711");

        var response = await _centre.A.SendAsync(request);

        Assert.Equal("portal-4711", response.Headers.GetValues("X-Correlation-Id").Single());
        var history = await _centre.Auditor.GetAsync($"/api/cases/{caseId}/history").Json();
        Assert.Equal("portal-4711", history.EnumerateArray().Last().Str("correlationId"));
    }

    [Fact]
    public async Task the_same_idempotency_key_opens_one_case()
    {
        var household = await _centre.NewHousehold();
        var body = new { affairTypeId = "dibao", subjectId = household, data = new { applicationKind = "initial" } };

        var first = await _centre.A.Post("/api/cases", body, idempotencyKey: "open-" + household).Json();
        var second = await _centre.A.Post("/api/cases", body, idempotencyKey: "open-" + household).Json();

        Assert.Equal(first.Str("caseId"), second.Str("caseId"));
    }

    [Fact]
    public async Task data_materials_notes_and_withdrawal_each_answer_the_new_revision()
    {
        var caseId = await _centre.OpenDibao();

        var material = await Centre.Ok(Centre.Attach(_centre.A, caseId, "application-form"));
        var note = await Centre.Ok(_centre.A.Post($"/api/cases/{caseId}/notes", new { text = "首次来访" }));
        var amended = await Centre.Ok(_centre.A.Post($"/api/cases/{caseId}/data", new { changes = new { applicationKind = "initial" }, reason = "confirmed with the applicant" }));
        var withdrawn = await Centre.Ok(_centre.A.Post($"/api/cases/{caseId}/withdraw", new { reason = "moved away" }));

        Assert.Equal([1L, 2L, 3L, 4L], [material.GetProperty("revision").GetInt64(), note.GetProperty("revision").GetInt64(), amended.GetProperty("revision").GetInt64(), withdrawn.GetProperty("revision").GetInt64()]);
        Assert.Equal("withdrawn", withdrawn.Str("state"));
    }

    [Fact]
    public async Task a_trigger_needs_no_body_at_all()
    {
        var caseId = await _centre.OpenDibao();

        var response = await _centre.A.PostAsync($"/api/cases/{caseId}/withdraw", content: null);
        var trigger = await _centre.A.PostAsync($"/api/cases/{caseId}/triggers/accept", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, trigger.StatusCode);
    }

    [Fact]
    public async Task only_the_supervisor_reassigns_a_case()
    {
        var caseId = await _centre.OpenAndAccept();

        var byCaseworker = await _centre.A.Post($"/api/cases/{caseId}/reassign", new { toStaffId = "s-counter-2", reason = "workload" });
        var bySupervisor = await _centre.Supervisor.Post($"/api/cases/{caseId}/reassign", new { toStaffId = "s-counter-2", reason = "workload" });

        Assert.Equal(HttpStatusCode.Forbidden, byCaseworker.StatusCode);
        Assert.Equal("case.supervisor-only", (await byCaseworker.Json()).Str("code"));
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
    }

    [Fact]
    public async Task an_unknown_case_is_404_problem()
    {
        var response = await _centre.A.GetAsync("/api/cases/c-none");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("case.not-found", (await response.Json()).Str("code"));
    }

    [Fact]
    public async Task personal_case_data_is_masked_for_an_integration_client_and_shown_to_the_auditor()
    {
        var caseId = await _centre.OpenAndAccept();
        await Centre.Ok(_centre.A.Post($"/api/cases/{caseId}/data", new { changes = new { bankAccount = "6222020200112233445" }, reason = "account given early" }));

        var masked = await _centre.Integration.GetAsync($"/api/cases/{caseId}").Json();
        var unmasked = await _centre.Auditor.GetAsync($"/api/cases/{caseId}").Json();

        Assert.Equal("***", masked.GetProperty("data").Str("bankAccount"));
        Assert.Equal("6222020200112233445", unmasked.GetProperty("data").Str("bankAccount"));
        Assert.Equal(JsonValueKind.Number, masked.GetProperty("data").GetProperty("householdSize").ValueKind);
    }
}
