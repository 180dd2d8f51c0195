using System.Net;
using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>At the counter: an applicant found by name, a case opened for their household, and materials received on the case page.</summary>
public sealed class CounterTests : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host;

    public CounterTests(ConsoleHostFixture fixture) => _host = fixture.Host;

    [BrowserFact]
    public async Task A_finds_the_applicant_by_name_picks_her_from_the_list_and_opens_a_dibao_case_for_her_household()
    {
        await using var a = await Browser.OpenAsync();
        var page = a.Page;
        await a.SignInAsync(_host.Address, "demo-dibao-a");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建案件" }).ClickAsync();
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("孙");
        await page.GetByRole(AriaRole.Button, new() { Name = "按姓名查找" }).ClickAsync();

        var found = page.Locator("ul.matches li");
        await Assertions.Expect(found).ToHaveCountAsync(3);
        await Assertions.Expect(found.Filter(new() { HasText = "孙建华" })).ToContainTextAsync("(head)");
        await a.ScreenshotAsync("open-by-name");
        await page.GetByRole(AriaRole.Button, new() { Name = "选择 孙丽" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=name]")).ToHaveTextAsync("孙丽");

        var dibao = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "城乡最低生活保障" }) });
        await dibao.GetByLabel("申请类别").SelectOptionAsync("initial");
        await dibao.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("案件已受理");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("城乡最低生活保障");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("家庭");
    }

    [BrowserFact]
    public async Task The_search_by_name_works_at_phone_width_in_English()
    {
        await using var b = await Browser.OpenAsync(390, 844);
        var page = b.Page;
        await b.SignInAsync(_host.Address, "demo-dibao-b");
        await page.GetByLabel("语言").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a case" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("小军");
        await page.Keyboard.PressAsync("Enter");

        var choose = page.GetByRole(AriaRole.Button, new() { Name = "Choose 孙小军" });
        await Assertions.Expect(choose).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.matches li")).ToContainTextAsync("Active");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at phone width.");
        await b.ScreenshotAsync("open-by-name-phone-en");
        await choose.ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=name]")).ToHaveTextAsync("孙小军");
    }

    [BrowserFact]
    public async Task A_records_a_material_on_the_case_page_and_a_stale_form_is_refused_plainly()
    {
        var caseId = await _host.OpenDibaoAsync(attachMaterials: false);
        await using var a = await Browser.OpenAsync();
        var page = a.Page;
        await a.SignInAsync(_host.Address, "demo-dibao-a");
        await page.GotoAsync(new Uri(_host.Address, $"/console/cases/{caseId}").ToString());
        var materials = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "材料", Exact = true }) });
        await Assertions.Expect(materials).ToContainTextAsync("暂无");

        await Attach(page, "申请书", "申请书-孙.pdf");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("材料已登记");
        await Assertions.Expect(materials).ToContainTextAsync("申请书: 申请书-孙.pdf");
        await a.ScreenshotAsync("case-attach");

        // Someone else records a material meanwhile: the form still carries the revision it was shown at.
        await _host.AttachAsync(caseId, "id-cards");
        await Attach(page, "收入证明", "收入证明.pdf");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("concurrency.conflict");
        await Assertions.Expect(materials).Not.ToContainTextAsync("收入证明.pdf");
    }

    [BrowserFact]
    public async Task An_auditor_sees_the_materials_without_the_form_and_a_direct_post_is_refused()
    {
        var caseId = await _host.OpenDibaoAsync(attachMaterials: false);
        var revision = await _host.RevisionAsync(caseId);
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-auditor");
        await page.GotoAsync(new Uri(_host.Address, $"/console/cases/{caseId}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "材料", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记材料" })).ToHaveCountAsync(0);

        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(new Uri(_host.Address, $"/console/cases/{caseId}?handler=Attach").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__af", token!).Set("materialId", "id-cards").Set("fileName", "x.pdf").Set("mediaType", "application/pdf")
                .Set("sizeBytes", "10").Set("contentHash", new string('b', 64)).Set("revision", revision),
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(revision, await _host.RevisionAsync(caseId));
    }

    [BrowserFact]
    public async Task A_client_that_may_not_see_names_is_not_offered_the_name_search_and_is_refused_it()
    {
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-integration");
        await page.GotoAsync(new Uri(_host.Address, "/console/open").ToString());
        await Assertions.Expect(page.GetByLabel("身份证号")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "按姓名查找" })).ToHaveCountAsync(0);

        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(new Uri(_host.Address, "/console/open?handler=Search").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__af", token!).Set("Name", "孙"),
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        Assert.DoesNotContain("孙建华", await response.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Fills the attach form on the case page and sends it.</summary>
    private static async Task Attach(IPage page, string material, string fileName)
    {
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "登记材料" }) });
        await form.GetByLabel("材料名称").SelectOptionAsync(new SelectOptionValue { Label = material });
        await form.GetByLabel("文件名", new() { Exact = true }).FillAsync(fileName);
        await form.GetByLabel("文件类型").FillAsync("application/pdf");
        await form.GetByLabel("大小（字节）").FillAsync("20480");
        await form.GetByLabel("文件的 SHA-256").FillAsync(new string('c', 64));
        await form.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
    }
}
