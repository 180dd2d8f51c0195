using System.Text.Json;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Scenarios;

/// <summary>A dibao case from application to approval over HTTP, with A going on leave midway and B taking over.</summary>
public sealed class DibaoScenarioTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_dibao_case_is_approved_with_A_on_leave_midway_and_B_taking_over()
    {
        var caseId = await _centre.OpenAndAccept();
        await ExpectQueued(_centre.A, "asA", caseId);
        await ExpectNotQueued(_centre.B, caseId);
        await Step(_centre.A, caseId, "record-data-check", new { dataCheckReportNo = "HC-2026-001", monthlyIncomePerPerson = 500 });
        await ExpectLast(caseId, "s-dibao-a", "a", null);

        var now = host.Clock.GetUtcNow();
        await Centre.Ok(_centre.Supervisor.Post("/api/organisation/absences", new { staffId = "s-dibao-a", from = now, to = now.AddDays(3), kind = "leave" }));
        var refused = await _centre.A.Post($"/api/cases/{caseId}/triggers/record-home-visit", new { data = new { homeVisitDate = "2026-03-09", investigator1 = "s-dibao-b", investigator2 = "s-grid-1" } });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        var covering = await ExpectQueued(_centre.B, "asB", caseId);
        Assert.Equal("a-absent", covering.Str("reason"));
        await ExpectNotQueued(_centre.A, caseId);

        await Step(_centre.B, caseId, "record-home-visit", new { homeVisitDate = "2026-03-09", investigator1 = "s-dibao-b", investigator2 = "s-grid-1" });
        await ExpectLast(caseId, "s-dibao-b", "b", "a-absent");
        await Centre.Ok(Centre.Attach(_centre.B, caseId, "data-check-report"));
        await Centre.Ok(Centre.Attach(_centre.B, caseId, "home-visit-record"));
        await Step(_centre.B, caseId, "complete-investigation", null);
        await ExpectState(caseId, "first-review");
        await ExpectQueued(_centre.Supervisor, "asSupervisor", caseId);
        await ExpectNotQueued(_centre.B, caseId);

        await Step(_centre.Supervisor, caseId, "pass-first-review", null);
        await ExpectState(caseId, "public-notice");

        // The 7-day public notice ends by the engine's timer: one scheduler pass after the eighth day fires it.
        host.Clock.Advance(TimeSpan.FromDays(8));
        await host.Services.GetRequiredService<TimerScheduler>().FireDueAsync();
        await ExpectLast(caseId, "system", "system", null);
        await ExpectState(caseId, "confirmation");
        await ExpectQueued(_centre.Supervisor, "asSupervisor", caseId);

        var approved = await Centre.Ok(_centre.Supervisor.Post($"/api/cases/{caseId}/triggers/approve", new
        {
            data = new { monthlyBenefit = 300, paymentStartDate = "2026-04-01", bankAccount = "6222020200112233445", reviewIntervalMonths = 12 },
        }));

        Assert.Equal(("approved", "approved"), (approved.Str("state"), approved.Str("outcome")));
        var history = await _centre.Auditor.GetAsync($"/api/cases/{caseId}/history").Json();
        var transitions = history.EnumerateArray().Where(e => e.Str("kind") == "transitioned").Select(e => $"{e.Str("trigger")}:{e.Str("actorId")}:{e.Str("actingRole")}").ToList();
        Assert.Equal(
            ["accept:s-dibao-a:a", "record-data-check:s-dibao-a:a", "record-home-visit:s-dibao-b:b", "complete-investigation:s-dibao-b:b", "pass-first-review:s-head:supervisor", "notice-ended:system:system", "approve:s-head:supervisor"],
            transitions);
        Assert.True((await _centre.Auditor.GetAsync($"/api/cases/{caseId}/verify").Json()).GetProperty("valid").GetBoolean());
        await ExpectNotQueued(_centre.Supervisor, caseId);
        await ExpectNotQueued(_centre.B, caseId);
    }

    private static async Task<JsonElement> ExpectQueued(HttpClient client, string list, string caseId)
    {
        var queue = await Centre.Ok(client.GetAsync("/api/queues/me"));
        var items = queue.GetProperty(list).EnumerateArray().Where(i => i.Str("caseId") == caseId).ToList();
        return Assert.Single(items);
    }

    private static async Task ExpectNotQueued(HttpClient client, string caseId)
    {
        var queue = await Centre.Ok(client.GetAsync("/api/queues/me"));
        foreach (var list in new[] { "asA", "asB", "asSupervisor" })
        {
            Assert.DoesNotContain(queue.GetProperty(list).EnumerateArray(), i => i.Str("caseId") == caseId);
        }
    }

    private static Task Step(HttpClient client, string caseId, string trigger, object? data) =>
        Centre.Ok(client.Post($"/api/cases/{caseId}/triggers/{trigger}", new { data }));

    private async Task ExpectState(string caseId, string state) =>
        Assert.Equal(state, (await _centre.Auditor.GetAsync($"/api/cases/{caseId}").Json()).Str("state"));

    private async Task ExpectLast(string caseId, string actor, string role, string? reason)
    {
        var last = (await _centre.Auditor.GetAsync($"/api/cases/{caseId}/history").Json()).EnumerateArray().Last(e => e.Str("kind") == "transitioned");
        Assert.Equal((actor, role), (last.Str("actorId"), last.Str("actingRole")));
        Assert.Equal(reason, last.TryGetProperty("actingReason", out var r) ? r.GetString() : null);
    }
}
