using Affairs.Host.Tests;

namespace Affairs.Api.Client.Tests;

/// <summary>
/// A dibao case from the counter to the supervisor's refusal, driven only through the client NSwag generated from
/// the committed contract: no hand-written request, header or JSON.
/// </summary>
public sealed class DibaoClientTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly AffairsClient _counter = host.Client("demo-dibao-a");
    private readonly AffairsClient _supervisor = host.Client("demo-supervisor");
    private readonly AffairsClient _auditor = host.Client("demo-auditor");

    [Fact]
    public async Task a_dibao_case_runs_from_the_counter_to_an_outcome()
    {
        var caseId = await OpenAndInvestigate();

        var review = await _counter.FireTriggerAsync(caseId, "complete-investigation", body: new FireTriggerRequest());
        Assert.Equal("first-review", review.State);
        var permitted = await _supervisor.GetPermittedTriggersAsync(caseId);
        Assert.Contains(permitted.Triggers, t => t.Trigger == "reject" && t.Permitted == true && t.RequiresReason);
        var rejected = await _supervisor.FireTriggerAsync(
            caseId, "reject", if_Match: $"\"{permitted.Revision}\"", body: new FireTriggerRequest { Reason = "The income is above the line." });

        Assert.Equal(("rejected", "rejected"), (rejected.State, rejected.Outcome));
        var view = await _auditor.GetCaseAsync(caseId);
        Assert.Equal(rejected.Revision, view.Revision);
        var history = await _auditor.GetCaseHistoryAsync(caseId);
        Assert.Equal(
            ["accept", "record-data-check", "record-home-visit", "complete-investigation", "reject"],
            history.Where(e => e.Kind == "transitioned").Select(e => e.Trigger));
        Assert.True((await _auditor.VerifyCaseAsync(caseId)).Valid);
    }

    [Fact]
    public async Task a_refusal_arrives_as_a_typed_problem()
    {
        var caseId = await OpenAndInvestigate();

        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => _counter.FireTriggerAsync(caseId, "approve", body: new FireTriggerRequest()));
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => _counter.AddNoteAsync(caseId, new AddNoteRequest { Text = "Called back." }, if_Match: "\"1\""));

        Assert.Equal((422, "case.trigger-not-permitted"), (refused.StatusCode, refused.Result.Code));
        Assert.Contains("record-data-check", refused.Result.PermittedTriggers);
        Assert.Contains(refused.Result.Refusals, r => r.Code == "wrong-state");
        Assert.Equal((409, "concurrency.conflict"), (stale.StatusCode, stale.Result.Code));
        Assert.True(stale.Result.CurrentRevision > 1);
    }

    [Fact]
    public async Task the_data_schema_describes_the_fields_a_trigger_sets()
    {
        var schema = await _counter.GetCaseDataSchemaAsync("dibao", 3);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.Schema);
        Assert.Contains("integer", schema.Properties["householdSize"].Type);
        Assert.Equal((1, 20), (schema.Properties["householdSize"].Minimum, schema.Properties["householdSize"].Maximum));
        Assert.Equal("investigation", schema.Properties["householdSize"].XRequiredFrom);
        Assert.Contains("array", schema.Properties["missingItems"].Type);
        Assert.Equal("date", schema.Properties["homeVisitDate"].Format);
    }

    /// <summary>A new household's dibao case, through acceptance, the data check and the home visit.</summary>
    private async Task<string> OpenAndInvestigate()
    {
        var resident = await _counter.RegisterResidentAsync(new RegisterResidentRequest
        {
            IdentityNumber = IdentityNumbers.Next(), Name = "测试人", Phone = "13800138000", Address = "东门街道测试路 1 号", GridId = "g-01",
        });
        var household = await _counter.RegisterHouseholdAsync(new RegisterHouseholdRequest { HeadResidentId = resident.ResidentId, Address = "东门街道测试路 1 号", GridId = "g-01" });
        var opened = await _counter.OpenCaseAsync(
            new OpenCaseRequest { AffairTypeId = "dibao", SubjectId = household.HouseholdId, Channel = "counter", Data = new Dictionary<string, object> { ["applicationKind"] = "initial" } },
            idempotency_Key: $"open-{household.HouseholdId}");
        foreach (var material in new[] { "application-form", "id-cards", "household-register", "income-proof", "data-check-report", "home-visit-record" })
        {
            await _counter.AttachMaterialAsync(opened.CaseId, new AttachMaterialRequest
            {
                MaterialId = material, FileName = material + ".pdf", MediaType = "application/pdf", SizeBytes = 1024, ContentHash = new string('a', 64),
            });
        }

        await _counter.FireTriggerAsync(opened.CaseId, "accept", body: new FireTriggerRequest { Data = new Dictionary<string, object> { ["householdSize"] = 3 } });
        await _counter.FireTriggerAsync(opened.CaseId, "record-data-check", body: new FireTriggerRequest
        {
            Data = new Dictionary<string, object> { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = 900 },
        });
        await _counter.FireTriggerAsync(opened.CaseId, "record-home-visit", body: new FireTriggerRequest
        {
            Data = new Dictionary<string, object> { ["homeVisitDate"] = "2026-03-09", ["investigator1"] = "s-dibao-a", ["investigator2"] = "s-grid-1" },
        });
        return opened.CaseId;
    }
}
