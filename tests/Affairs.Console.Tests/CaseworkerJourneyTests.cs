using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>A caseworker's day in the console, in the browser, against the real host.</summary>
public sealed class CaseworkerJourneyTests : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host;

    public CaseworkerJourneyTests(ConsoleHostFixture fixture) => _host = fixture.Host;

    [BrowserFact]
    public async Task A_takes_a_dibao_case_through_the_investigation_and_the_supervisor_sends_it_to_public_notice()
    {
        var caseId = await _host.OpenDibaoAsync();
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-dibao-a");

        // The queue, in Chinese by default: the new case is A's, with its step deadline counted in working days.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办", Exact = true })).ToBeVisibleAsync();
        var asA = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^A岗") }) });
        await Assertions.Expect(asA.GetByRole(AriaRole.Link, new() { Name = caseId })).ToBeVisibleAsync();
        await Assertions.Expect(asA).ToContainTextAsync("个工作日");
        await browser.ScreenshotAsync("queue");

        await asA.GetByRole(AriaRole.Link, new() { Name = caseId }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("申请");
        await Assertions.Expect(page.Locator("[data-field=identityNumber]")).ToHaveTextAsync(Seeded.SunIdentityNumber);

        await Fire(page, "受理", form => form.GetByLabel("家庭人口").FillAsync("3"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("家庭经济状况调查");

        await Fire(page, "登记信息核对", async form =>
        {
            await form.GetByLabel("信息核对报告编号").FillAsync("DC-2026-0042");
            await form.GetByLabel("家庭月人均收入").FillAsync("520");
        });
        await Fire(page, "登记入户调查", async form =>
        {
            await form.GetByLabel("入户调查日期").FillAsync(DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd"));
            await form.GetByLabel("调查人一").FillAsync("s-dibao-a");
            await form.GetByLabel("调查人二").FillAsync("s-grid-2");
        });
        await Assertions.Expect(page.Locator("[data-field=monthlyIncomePerPerson]")).ToHaveTextAsync("520");
        await page.GetByLabel("添加备注").FillAsync("已电话告知申请人入户时间");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加备注" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.notes")).ToContainTextAsync("已电话告知申请人入户时间");
        await browser.ScreenshotAsync("case");

        await Assertions.Expect(page.Locator("ul.refusals li", new() { HasText = "complete-investigation" })).ToContainTextAsync("data-check-report");
        await _host.AttachAsync(caseId, "data-check-report", "home-visit-record");
        await page.ReloadAsync();
        await Fire(page, "完成调查", _ => Task.CompletedTask);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("初审");

        // First review is the supervisor's step: A sees why A may no longer act, and no form to act with.
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form.trigger")).ToHaveCountAsync(0);

        // The section head finds it in their queue and decides: the case goes to the public notice.
        await using var head = await Browser.OpenAsync();
        await head.SignInAsync(_host.Address, "demo-supervisor");
        var asSupervisor = head.Page.Locator("section", new() { Has = head.Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^分管领导办理") }) });
        await asSupervisor.GetByRole(AriaRole.Link, new() { Name = caseId }).ClickAsync();
        await Fire(head.Page, "初审通过", _ => Task.CompletedTask);
        await Assertions.Expect(head.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("公示");
    }

    [BrowserFact]
    public async Task The_console_switches_to_English_and_stays_usable_at_phone_width()
    {
        await using var browser = await Browser.OpenAsync(390, 844);
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-dibao-b");
        await page.GetByLabel("语言").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My queue", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open a case" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("queue-phone-en");
    }

    /// <summary>Fills the form of the trigger named <paramref name="name"/> and sends it.</summary>
    private static async Task Fire(IPage page, string name, Func<ILocator, Task> fill)
    {
        var form = page.Locator("form.trigger", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^" + Regex.Escape(name)) }) });
        await fill(form);
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }
}
