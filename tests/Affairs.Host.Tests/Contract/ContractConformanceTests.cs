using System.Text;

namespace Affairs.Host.Tests.Contract;

/// <summary>
/// What the host answers is what its document declares: a scripted journey over the whole API, on a host of its own
/// (it changes the organisation, the calendars and the keys), drives every operation the served document lists with a
/// 2xx answer, and every 2xx answer is checked against the schema and headers the document declares for its operation
/// and status (<see cref="ContractConformance"/>). An operation added to the document later fails this test until the
/// journey drives it.
/// </summary>
public sealed class ContractConformanceTests(RecordingHost host) : IClassFixture<RecordingHost>
{
    /// <summary>
    /// Operations the journey cannot drive in a test host, each with the reason. Empty: the integration feed's
    /// server-sent events variant (<c>text/event-stream</c> of <c>ReadFeed</c>) does not end, so only its JSON page is
    /// driven and checked, which is the same operation.
    /// </summary>
    private static readonly Dictionary<string, string> NotDriven = [];

    private readonly Centre _centre = new(host);

    [Fact]
    public async Task every_success_answer_matches_the_schema_and_headers_the_document_declares()
    {
        var contract = new ContractConformance(await host.CreateClient().GetStringAsync("/openapi/v1.json"));

        await JourneyAsync();

        var exchanges = host.Exchanges.ToList();
        var successes = exchanges.Where(e => e.Status is >= 200 and < 300).ToList();
        var mismatches = successes.SelectMany(contract.Mismatches).Distinct().ToList();
        var exercised = successes.Select(e => e.OperationId).ToHashSet(StringComparer.Ordinal);
        var missed = contract.Operations()
            .Where(o => o.Successes.Count > 0 && !exercised.Contains(o.OperationId) && !NotDriven.ContainsKey(o.OperationId))
            .Select(o => $"{o.OperationId} ({o.Method} {o.Path}) was never answered with a 2xx{Tried(exchanges, o.OperationId)}")
            .ToList();

        Assert.True(
            mismatches.Count == 0 && missed.Count == 0,
            $"{mismatches.Count} answers differ from the document, {missed.Count} operations were not exercised:\n"
            + string.Join('\n', mismatches.Concat(missed)));
    }

    /// <summary>What the operation answered instead, to tell a journey step that failed from one that is missing.</summary>
    private static string Tried(List<Exchange> exchanges, string operationId)
    {
        if (exchanges.LastOrDefault(e => e.OperationId == operationId) is not { } last)
        {
            return "";
        }

        var body = Encoding.UTF8.GetString(last.Body);
        return $"; it answered {last.Status} to {last.Request}: {body[..Math.Min(300, body.Length)]}";
    }

    private async Task JourneyAsync()
    {
        var anonymous = host.As(null);
        await anonymous.GetAsync("/health/live");
        await anonymous.GetAsync("/health/ready");

        await Organisation();
        await People();
        await Cases();
        await Catalog();
        await Keys();
        await Records();
    }

    private async Task Organisation()
    {
        var admin = _centre.Admin;
        await _centre.A.GetAsync("/api/organisation");
        await admin.Post("/api/organisation/staff", new { staffId = "s-contract-a", name = "契约甲" });
        await admin.Post("/api/organisation/staff", new { staffId = "s-contract-b", name = "契约乙" });
        await admin.Put("/api/organisation/posts/contract", new { name = "契约岗", affairTypes = Array.Empty<string>(), takeoverDelayWorkingDays = 1 });
        await admin.Put("/api/organisation/posts/contract/holders", new { aHolderId = "s-contract-a", bHolderId = "s-contract-b", reason = "new post" });
        await admin.Put("/api/organisation/grids/g-contract", new { name = "契约网格", workerId = "s-contract-a", backupWorkerId = "s-contract-b" });
        await admin.Put("/api/organisation/supervisor", new { staffId = "s-head" });
        await _centre.A.GetAsync("/api/organisation/staff/s-dibao-a");

        var from = host.Clock.GetUtcNow().AddDays(3);
        var absence = await _centre.Supervisor.Post("/api/organisation/absences", new { staffId = "s-contract-a", from, to = from.AddDays(2), kind = "leave" });
        if (absence.IsSuccessStatusCode)
        {
            var id = (await absence.Json()).Str("absenceId");
            await _centre.A.GetAsync($"/api/organisation/absences/{id}");
            await _centre.Supervisor.DeleteAsync($"/api/organisation/absences/{id}?reason=plans%20changed");
        }
    }

    private async Task People()
    {
        var a = _centre.A;
        var resident = await _centre.NewResident();
        var number = Api.NewIdentityNumber();
        await a.Post("/api/residents", new { identityNumber = number, name = "查询人", gridId = "g-01" });
        await a.Post("/api/residents/lookup", new { identityNumber = number });
        await a.GetAsync($"/api/residents/{resident}");
        await a.Put($"/api/residents/{resident}/contact", new { phone = "13800138001", address = "东门街道测试路 2 号" });
        await a.Put($"/api/residents/{resident}/grid", new { gridId = "g-02" });
        await a.Post($"/api/residents/{await _centre.NewResident("迁出人")}/move-out", new { on = "2026-03-01" });
        await a.Post($"/api/residents/{await _centre.NewResident("故去人")}/death", new { dateOfDeath = "2026-03-01", source = "civil affairs notice" });

        var head = await _centre.NewResident("户主");
        var member = await _centre.NewResident("成员");
        var household = (await Centre.Ok(a.Post("/api/households", new { headResidentId = head, address = "东门街道测试路 3 号", gridId = "g-01" }))).Str("householdId");
        await a.GetAsync("/api/households?gridId=g-01&limit=5");
        await a.GetAsync($"/api/households/{household}");
        await a.Post("/api/residents/search", new { name = "户主", limit = 5 });
        await a.Post($"/api/households/{household}/members", new { residentId = member, relation = "spouse" });
        await a.Put($"/api/households/{household}/head", new { headResidentId = member });
        await a.DeleteAsync($"/api/households/{household}/members/{head}?reason=moved%20away");
    }

    private async Task Cases()
    {
        var a = _centre.A;
        var accepted = await _centre.OpenAndAccept();
        await a.GetAsync($"/api/cases/{accepted}");
        await a.GetAsync($"/api/cases/{accepted}?revision=1");
        await a.GetAsync($"/api/cases/{accepted}/permitted-triggers");
        await a.Post($"/api/cases/{accepted}/notes", new { text = "家访已预约" });
        await a.Post($"/api/cases/{accepted}/data", new { changes = new { householdSize = 4 }, reason = "a member was missed" });
        await a.GetAsync($"/api/cases/{accepted}/deadlines");
        await a.GetAsync("/api/cases?affairType=dibao&limit=5");
        await _centre.Auditor.GetAsync($"/api/cases/{accepted}/history");
        await _centre.Auditor.GetAsync($"/api/cases/{accepted}/verify");
        await _centre.Supervisor.Post($"/api/cases/{accepted}/reassign", new { toStaffId = "s-head", reason = "covering the post" });

        var withdrawn = await _centre.OpenDibao();
        await a.Post($"/api/cases/{withdrawn}/withdraw", new { reason = "the applicant asked" });

        await a.GetAsync("/api/queues/me");
        await a.GetAsync("/api/queues/me/handover");
        await _centre.Auditor.GetAsync("/api/queues/staff/s-dibao-a");
        await a.GetAsync("/api/queues/posts/dibao");
        await a.GetAsync("/api/queues/overdue?dueSoonWorkingDays=3");
    }

    private async Task Catalog()
    {
        var (a, admin) = (_centre.A, _centre.Admin);
        await a.GetAsync("/api/affair-types");
        await a.GetAsync("/api/affair-types/dibao/versions/3");
        await a.GetAsync("/api/affair-types/dibao/versions/3/data-schema");
        await a.GetAsync("/api/affair-types/dibao/versions/3/diagram");
        await a.GetAsync("/api/affair-types/dibao/versions/3/diagram?format=dot");
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "temporary-assistance.json"));
        await admin.PostRaw("/api/affair-types/validate", sample);
        await admin.PostRaw("/api/affair-types", sample);
        await admin.Post("/api/affair-types/temporary-assistance/versions/1/retire", new { reason = "replaced by the district scheme" });

        await admin.Post("/api/policies", new { id = "dibao", version = 2, effectiveFrom = "2026-07-01", values = new { line = 1000 } });
        await admin.Post("/api/policies", new { id = "contract-policy", version = 1, effectiveFrom = "2026-01-01", values = new { line = 900 } });
        await a.GetAsync("/api/policies");
        await a.GetAsync("/api/policies/contract-policy");
        await a.GetAsync("/api/policies/contract-policy/in-force?on=2026-03-09");

        await a.GetAsync("/api/calendars");
        await a.GetAsync("/api/calendars/2026");
        await admin.Put("/api/calendars/2028", new
        {
            source = "State Council General Office notice on the 2028 public holidays",
            holidays = new[] { new { name = "New Year", from = "2028-01-01", to = "2028-01-03" } },
            workingWeekends = Array.Empty<string>(),
        });
    }

    private async Task Keys()
    {
        var admin = _centre.Admin;
        var issued = await admin.Post("/api/keys", new { label = "insurance counter", staffId = "s-ins-a" });
        await admin.Post("/api/keys", new { label = "portal", clientId = "contract-portal", roles = new[] { "integration" }, scopes = new[] { "cases:read" }, expiresAt = host.Clock.GetUtcNow().AddDays(30) });
        await admin.GetAsync("/api/keys");
        if (issued.IsSuccessStatusCode)
        {
            var id = (await issued.Json()).GetProperty("key").Str("keyId");
            await admin.GetAsync($"/api/keys/{id}");
            await admin.Post($"/api/keys/{id}/rotate", new { graceMinutes = 5 });
            await admin.Post($"/api/keys/{id}/revoke", new { reason = "the counter closed" });
        }
    }

    private async Task Records()
    {
        var auditor = _centre.Auditor;
        await auditor.GetAsync("/api/statistics?from=2026-01-01&to=2026-12-31&period=month");
        await auditor.GetAsync("/api/projections/status");
        await _centre.Admin.Post("/api/projections/rebuild");
        await auditor.GetAsync("/api/feed?after=0&max=200&wait=0");
        await auditor.GetAsync("/api/ledger/verify");
        var digest = await auditor.GetAsync("/api/ledger/digest");
        await auditor.PostRaw("/api/ledger/verify", await digest.Content.ReadAsStringAsync());
    }
}
