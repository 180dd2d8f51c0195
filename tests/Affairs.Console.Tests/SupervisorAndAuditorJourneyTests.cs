using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>The section head records absences and sees B take over; the auditor replays and verifies a case.</summary>
public sealed class SupervisorAndAuditorJourneyTests : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host;

    public SupervisorAndAuditorJourneyTests(ConsoleHostFixture fixture) => _host = fixture.Host;

    [BrowserFact]
    public async Task The_supervisor_records_A_away_B_covers_and_both_away_is_warned()
    {
        var caseId = await _host.OpenDibaoAsync();
        await using (var head = await Browser.OpenAsync())
        {
            await head.SignInAsync(_host.Address, "demo-supervisor");
            await head.Page.GetByRole(AriaRole.Link, new() { Name = "督办" }).ClickAsync();
            await RecordAbsence(head.Page, "s-dibao-a");
            await Assertions.Expect(head.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记请假");
            await Assertions.Expect(head.Page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("低保岗") })).ToContainTextAsync("不在岗");
            await head.ScreenshotAsync("supervision");

            await RecordAbsence(head.Page, "s-dibao-b");
            await Assertions.Expect(head.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("警告");
            await Assertions.Expect(head.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("dibao");

            // B comes back: the cancelled absence leaves A away and B covering.
            var absenceB = head.Page.Locator("form", new() { Has = head.Page.Locator("strong", new() { HasText = "s-dibao-b" }) });
            await absenceB.GetByLabel("理由").FillAsync("行程取消");
            await absenceB.GetByRole(AriaRole.Button, new() { Name = "取消登记" }).ClickAsync();
            await Assertions.Expect(head.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已取消");
        }

        await using var b = await Browser.OpenAsync();
        await b.SignInAsync(_host.Address, "demo-dibao-b");
        var covering = b.Page.Locator("section", new() { Has = b.Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^B岗代办") }) });
        await Assertions.Expect(covering.GetByRole(AriaRole.Link, new() { Name = caseId })).ToBeVisibleAsync();
        await Assertions.Expect(covering).ToContainTextAsync("A岗不在岗");

        // B takes the case over: accepted as B, and the case page says so.
        await covering.GetByRole(AriaRole.Link, new() { Name = caseId }).ClickAsync();
        var accept = b.Page.Locator("form.trigger", new() { Has = b.Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^受理") }) });
        await accept.GetByLabel("家庭人口").FillAsync("2");
        await accept.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(b.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("家庭经济状况调查");
        await Assertions.Expect(b.Page.Locator("dl.facts")).ToContainTextAsync("B岗");
    }

    [BrowserFact]
    public async Task The_auditor_replays_a_case_to_a_middle_revision_and_verifies_its_chain()
    {
        var caseId = await _host.OpenDibaoAsync();
        using (var a = _host.Api("demo-dibao-a"))
        {
            using var accepted = await a.PostAsync($"/api/cases/{caseId}/triggers/accept", System.Net.Http.Json.JsonContent.Create(new { data = new { householdSize = 3 } }));
            Assert.True(accepted.IsSuccessStatusCode);
        }

        await using var auditor = await Browser.OpenAsync();
        var page = auditor.Page;
        await auditor.SignInAsync(_host.Address, "demo-auditor");
        await page.GetByRole(AriaRole.Link, new() { Name = "审计" }).ClickAsync();
        await page.GetByLabel("案件").FillAsync(caseId);
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=state]")).ToHaveTextAsync("家庭经济状况调查");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("受理") }).First).ToContainTextAsync("s-dibao-a");

        // Back to the revision before acceptance: the case was at application, with A responsible.
        await page.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=revision]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-field=state]")).ToHaveTextAsync("申请");
        await auditor.ScreenshotAsync("audit");

        await page.GetByRole(AriaRole.Button, new() { Name = "校验哈希链" }).ClickAsync();
        await Assertions.Expect(page.Locator("p[role=status]")).ToContainTextAsync("哈希链完整");

        await page.GetByRole(AriaRole.Button, new() { Name = "校验全部日志" }).ClickAsync();
        await Assertions.Expect(page.Locator("p[role=status]")).ToContainTextAsync("日志完整");
    }

    private static async Task RecordAbsence(IPage page, string staffId)
    {
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "登记请假或外出" }) });
        await form.GetByLabel("工作人员").SelectOptionAsync(staffId);
        var centre = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        await form.GetByLabel("开始").FillAsync(centre.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("结束").FillAsync(centre.AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
    }
}
