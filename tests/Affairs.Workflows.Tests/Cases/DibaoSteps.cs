using System.Text.Json;
using Affairs.Domain.Cases;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Cases;

/// <summary>The steps of a dibao case, driven through the mediator as a counter clerk would.</summary>
public sealed class DibaoSteps(Centre centre)
{
    private Engine Engine => centre.Engine;

    public async Task<string> OpenAndAccept()
    {
        var opened = await Engine.Mediator.Send(new OpenCase("dibao", null, centre.HouseholdId, "counter", Json(new() { ["applicationKind"] = "initial" }), Engine.As(Centre.A)));
        foreach (var material in new[] { "application-form", "id-cards", "household-register", "income-proof" })
        {
            await Attach(opened.CaseId, material, Centre.A);
        }

        await Fire(opened.CaseId, "accept", Centre.A, new() { ["householdSize"] = 3 });
        return opened.CaseId;
    }

    public async Task Investigate(string caseId, Actor actor, decimal incomePerPerson = 500m)
    {
        await Fire(caseId, "record-data-check", actor, new() { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = incomePerPerson });
        await Fire(caseId, "record-home-visit", actor, new() { ["homeVisitDate"] = "2026-03-09", ["investigator1"] = "s-a", ["investigator2"] = "s-gw" });
        await Attach(caseId, "data-check-report", actor);
        await Attach(caseId, "home-visit-record", actor);
        await Fire(caseId, "complete-investigation", actor);
    }

    public Task<CaseRevision> Attach(string caseId, string material, Actor actor) =>
        Engine.Mediator.Send(new AttachMaterial(caseId, material, material + ".pdf", "application/pdf", 1024, new string('a', 64), Engine.As(actor))).AsTask();

    public Task<CaseRevision> Fire(string caseId, string trigger, Actor actor, Dictionary<string, object>? data = null, string? reason = null) =>
        Engine.Mediator.Send(new FireTrigger(caseId, trigger, null, reason, data is null ? null : Json(data), Engine.As(actor))).AsTask();

    public static Dictionary<string, JsonElement> Json(Dictionary<string, object> values) =>
        values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value));

    public async Task<CaseState> Load(string caseId) =>
        (await Engine.Services.GetRequiredService<StreamRepository>().LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold)).State;

    public async Task<List<object>> Events(string caseId) =>
        [.. (await Engine.Services.GetRequiredService<StreamRepository>().LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold)).Events.Select(e => e.Event)];
}
