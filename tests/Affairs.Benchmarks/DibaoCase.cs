using System.Text.Json;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;

namespace Affairs.Benchmarks;

/// <summary>
/// One dibao case as a counter clerk takes it, command by command: open it, attach the four documents acceptance needs,
/// then the five triggers accept, record-data-check and record-home-visit (internal), complete-investigation (after the
/// two investigation documents) and the supervisor's pass-first-review, which puts the case on public notice. Every
/// trigger carries the revision the previous answer gave (If-Match), as an HTTP client would.
/// </summary>
internal static class DibaoCase
{
    /// <summary>Commands per case: 1 open, 6 attachments, 5 triggers.</summary>
    public const int Commands = 12;

    /// <summary>Steps up to and including acceptance: the four documents, then accept.</summary>
    public const int StepsToAcceptance = 5;

    private static readonly Dictionary<string, JsonElement> Application = Json(("applicationKind", "initial"));
    private static readonly Dictionary<string, JsonElement> Accept = Json(("householdSize", 3));
    public static readonly Dictionary<string, JsonElement> DataCheck = Json(("dataCheckReportNo", "HC-2026-001"), ("monthlyIncomePerPerson", 500m));
    public static readonly Dictionary<string, JsonElement> HomeVisit = Json(("homeVisitDate", "2026-03-09"), ("investigator1", "s-a"), ("investigator2", "s-gw"));
    private static readonly string[] AcceptanceMaterials = ["application-form", "id-cards", "household-register", "income-proof"];
    private static readonly string[] InvestigationMaterials = ["data-check-report", "home-visit-record"];

    /// <summary>Runs the case's commands in order while <paramref name="goOn"/> holds; returns how many succeeded.</summary>
    public static async Task<int> RunAsync(BenchCentre centre, Func<bool> goOn)
    {
        var opened = await OpenAsync(centre);
        var revision = opened.Revision;
        var done = 1;
        foreach (var step in Steps(centre, opened.CaseId))
        {
            if (!goOn())
            {
                break;
            }

            revision = (await step(revision)).Revision;
            done++;
        }

        return done;
    }

    /// <summary>Opens a dibao case for the centre's household.</summary>
    public static async Task<CaseRevision> OpenAsync(BenchCentre centre) =>
        await centre.Mediator.Send(new OpenCase("dibao", null, centre.HouseholdId, "counter", Application, centre.As(BenchCentre.A)));

    /// <summary>The commands after opening, each given the revision the previous one answered with.</summary>
    public static IReadOnlyList<Func<long, ValueTask<CaseRevision>>> Steps(BenchCentre centre, string caseId)
    {
        var send = centre.Mediator;
        var steps = new List<Func<long, ValueTask<CaseRevision>>>();
        steps.AddRange(AcceptanceMaterials.Select(m => Attach(centre, caseId, m)));
        steps.Add(r => send.Send(new FireTrigger(caseId, "accept", r, null, Accept, centre.As(BenchCentre.A))));
        steps.Add(r => send.Send(new FireTrigger(caseId, "record-data-check", r, null, DataCheck, centre.As(BenchCentre.A))));
        steps.Add(r => send.Send(new FireTrigger(caseId, "record-home-visit", r, null, HomeVisit, centre.As(BenchCentre.A))));
        steps.AddRange(InvestigationMaterials.Select(m => Attach(centre, caseId, m)));
        steps.Add(r => send.Send(new FireTrigger(caseId, "complete-investigation", r, null, null, centre.As(BenchCentre.A))));
        steps.Add(r => send.Send(new FireTrigger(caseId, "pass-first-review", r, null, null, centre.As(BenchCentre.Boss))));
        return steps;
    }

    private static Func<long, ValueTask<CaseRevision>> Attach(BenchCentre centre, string caseId, string material) =>
        _ => centre.Mediator.Send(new AttachMaterial(caseId, material, material + ".pdf", "application/pdf", 1024, new string('a', 64), null, centre.As(BenchCentre.A)));

    private static Dictionary<string, JsonElement> Json(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value));
}
