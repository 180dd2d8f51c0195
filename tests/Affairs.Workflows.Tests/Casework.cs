using System.Text.Json;
using Affairs.Domain.Cases;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Affairs.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests;

/// <summary>Drives dibao cases on a <see cref="Centre"/> through commands, and reads their streams, queues and timers.</summary>
public sealed class Casework(Centre centre)
{
    public Engine Engine => centre.Engine;

    public async Task<string> OpenDibaoAsync(Actor? by = null)
    {
        var opened = await Engine.Mediator.Send(new OpenCase("dibao", null, centre.HouseholdId, "counter", Json(new() { ["applicationKind"] = "initial" }), Engine.As(by ?? Centre.A)));
        return opened.CaseId;
    }

    public async Task<string> AcceptedDibaoAsync()
    {
        var caseId = await OpenDibaoAsync();
        foreach (var material in new[] { "application-form", "id-cards", "household-register", "income-proof" })
        {
            await AttachAsync(caseId, material, Centre.A);
        }

        await FireAsync(caseId, "accept", Centre.A, new() { ["householdSize"] = 3 });
        return caseId;
    }

    /// <summary>A dibao case taken to its public notice (investigated by A, passed by the supervisor).</summary>
    public async Task<string> DibaoOnNoticeAsync()
    {
        var caseId = await AcceptedDibaoAsync();
        await InvestigateAsync(caseId, Centre.A);
        await FireAsync(caseId, "pass-first-review", Centre.Boss);
        return caseId;
    }

    /// <summary>The means investigation of an accepted case: data check, home visit, their documents, completion.</summary>
    public async Task InvestigateAsync(string caseId, Actor actor, decimal incomePerPerson = 500m)
    {
        await FireAsync(caseId, "record-data-check", actor, new() { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = incomePerPerson });
        await FireAsync(caseId, "record-home-visit", actor, new() { ["homeVisitDate"] = "2026-03-09", ["investigator1"] = "s-a", ["investigator2"] = "s-gw" });
        await AttachAsync(caseId, "data-check-report", actor);
        await AttachAsync(caseId, "home-visit-record", actor);
        await FireAsync(caseId, "complete-investigation", actor);
    }

    public Task<CaseRevision> AttachAsync(string caseId, string material, Actor actor) =>
        Engine.Mediator.Send(new AttachMaterial(caseId, material, material + ".pdf", "application/pdf", 1024, new string('a', 64), null, Engine.As(actor))).AsTask();

    public Task<CaseRevision> FireAsync(string caseId, string trigger, Actor actor, Dictionary<string, object>? data = null, string? reason = null) =>
        Engine.Mediator.Send(new FireTrigger(caseId, trigger, null, reason, data is null ? null : Json(data), Engine.As(actor))).AsTask();

    public Task<CaseRevision> NoteAsync(string caseId, Actor actor) =>
        Engine.Mediator.Send(new AddNote(caseId, "called the applicant", null, Engine.As(actor))).AsTask();

    public Task<TimerRun> FireTimersAsync() => Engine.Services.GetRequiredService<TimerScheduler>().FireDueAsync();

    public ProjectionEngine Projections => Engine.Services.GetRequiredService<ProjectionEngine>();

    public async Task<CaseState> LoadAsync(string caseId) =>
        (await Engine.Services.GetRequiredService<StreamRepository>().LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold)).State;

    public async Task<List<object>> EventsAsync(string caseId) =>
        [.. (await Engine.Services.GetRequiredService<StreamRepository>().LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold)).Events.Select(e => e.Event)];

    public static Dictionary<string, JsonElement> Json(Dictionary<string, object> values) =>
        values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value));
}
