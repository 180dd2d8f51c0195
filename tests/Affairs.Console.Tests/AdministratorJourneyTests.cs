using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>
/// The administrator defines a type, sees the mistake at its JSON path as it is typed (or, without script, when
/// validating or publishing), fixes it, sees the diagram preview and publishes; reads the statistics; and
/// sets the centre up: a policy version, post holders, a calendar year and an API key that works until it is rotated or revoked.
/// </summary>
public sealed class AdministratorJourneyTests : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host;

    public AdministratorJourneyTests(ConsoleHostFixture fixture) => _host = fixture.Host;

    [BrowserFact]
    public async Task A_type_with_a_mistake_shows_the_problem_at_its_path_as_it_is_typed_then_fixed_it_shows_the_diagram_and_publishes()
    {
        var definition = Regex.Replace(await SampleAsync(), "\"id\":\\s*\"temporary-assistance\"", "\"id\": \"urgent-assistance\"");
        var mistaken = new Regex("\"handler\": \"dibao\"").Replace(definition, "\"handler\": \"no-such-post\"", 1);
        await using var admin = await Browser.OpenAsync();
        var page = admin.Page;
        await admin.SignInAsync(_host.Address, "demo-admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "事项类型", Exact = true })).ToBeVisibleAsync();
        await page.EvaluateAsync("window.notReloaded = true");
        var check = page.GetByRole(AriaRole.Region, new() { Name = "定义检查结果" });
        var preview = page.GetByRole(AriaRole.Figure, new() { Name = "流程图预览" });

        // No button is pressed: the check answers a pause after the typing.
        await page.GetByLabel("定义（JSON）").FillAsync(mistaken);
        await Assertions.Expect(check).ToContainTextAsync("1 个问题");
        var problem = check.GetByRole(AriaRole.Listitem);
        await Assertions.Expect(problem).ToHaveCountAsync(1);
        await Assertions.Expect(problem).ToContainTextAsync("$.states[0].handler");
        await Assertions.Expect(problem).ToContainTextAsync("未定义的岗位");
        await Assertions.Expect(problem).ToContainTextAsync("no-such-post");
        await Assertions.Expect(preview).ToBeHiddenAsync();
        await admin.ScreenshotAsync("types-live-problem");

        await page.GetByLabel("定义（JSON）").FillAsync(definition);
        await Assertions.Expect(check).ToContainTextAsync("未发现问题");
        await Assertions.Expect(check.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await Assertions.Expect(preview.GetByRole(AriaRole.Img, new() { Name = "urgent-assistance" })).ToBeVisibleAsync();
        await Assertions.Expect(preview.GetByText("审核", new() { Exact = true })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"), "the page was reloaded to check the definition");
        Assert.EndsWith("/console/types", page.Url, StringComparison.Ordinal);
        await admin.ScreenshotAsync("types-live-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("urgent-assistance");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "urgent-assistance" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "urgent-assistance" })).ToContainTextAsync("v1");
    }

    [BrowserFact]
    public async Task In_English_at_phone_width_the_live_check_names_the_problem_in_English_and_the_page_does_not_scroll_sideways()
    {
        var mistaken = new Regex("\"handler\": \"dibao\"").Replace(await SampleAsync(), "\"handler\": \"no-such-post\"", 1);
        await using var admin = await Browser.OpenAsync(390, 844);
        var page = admin.Page;
        await admin.SignInAsync(_host.Address, "demo-admin");
        await page.GetByLabel("语言").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Affair types", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Definition (JSON)").FillAsync(mistaken);
        var check = page.GetByRole(AriaRole.Region, new() { Name = "Check of the definition" });
        await Assertions.Expect(check.GetByText("1 problem", new() { Exact = true })).ToBeVisibleAsync();
        var problem = check.GetByRole(AriaRole.Listitem);
        await Assertions.Expect(problem).ToContainTextAsync("$.states[0].handler");
        await Assertions.Expect(problem).ToContainTextAsync("Unknown post");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the affair types page is wider than a phone");
        await admin.ScreenshotAsync("types-live-phone-en");
    }

    [BrowserFact]
    public async Task Without_script_a_type_with_a_mistake_is_refused_at_its_path_then_validated_and_published()
    {
        var definition = await SampleAsync();
        var mistaken = Regex.Replace(definition, "\"initialState\":\\s*\"[^\"]+\"", "\"initialState\": \"no-such-state\"");
        await using var admin = await Browser.OpenAsync(script: false);
        var page = admin.Page;
        await admin.SignInAsync(_host.Address, "demo-admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "事项类型", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToHaveCountAsync(0);
        var check = page.GetByRole(AriaRole.Region, new() { Name = "定义检查结果" });

        await page.GetByLabel("定义（JSON）").FillAsync(mistaken);
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("affair-type.invalid");
        await Assertions.Expect(check.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "$.initialState" })).ToContainTextAsync("未定义的状态");
        await admin.ScreenshotAsync("types-problem");

        await page.GetByLabel("定义（JSON）").FillAsync(definition);
        await page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        await Assertions.Expect(check).ToContainTextAsync("未发现问题");
        await Assertions.Expect(page.GetByRole(AriaRole.Figure, new() { Name = "流程图预览" }).GetByRole(AriaRole.Img, new() { Name = "temporary-assistance" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("temporary-assistance");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "temporary-assistance" })).ToBeVisibleAsync();
        await admin.ScreenshotAsync("types");
    }

    [BrowserFact]
    public async Task The_statistics_page_charts_the_year_and_downloads_it_as_CSV()
    {
        await _host.OpenDibaoAsync();
        await using var admin = await Browser.OpenAsync();
        var page = admin.Page;
        await admin.SignInAsync(_host.Address, "demo-admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "统计" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("城乡最低生活保障") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "受理、批准、不予批准与撤回的案件数" })).ToBeVisibleAsync();
        await admin.ScreenshotAsync("statistics");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("affairType,periodStart,opened", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("dibao,", csv, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_administrator_publishes_a_policy_version_assigns_a_B_holder_publishes_a_year_and_issues_a_key_whose_secret_is_shown_once()
    {
        await using var admin = await Browser.OpenAsync();
        var page = admin.Page;
        await admin.SignInAsync(_host.Address, "demo-admin");

        // A set or a year never published is not found, as through the API.
        var unknown = await page.GotoAsync(new Uri(_host.Address, "/console/policies?id=no-such-set").ToString());
        Assert.Equal(404, unknown!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("policy.not-found");
        unknown = await page.GotoAsync(new Uri(_host.Address, "/console/calendars?year=2099").ToString());
        Assert.Equal(404, unknown!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "calendar.not-found" })).ToBeVisibleAsync();

        // A policy version: a mistake in the values is refused at its path, then the version is published.
        await page.GetByRole(AriaRole.Link, new() { Name = "政策参数" }).ClickAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "dibao" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel("版本", new() { Exact = true })).ToHaveValueAsync("2");
        var from = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("生效日期").FillAsync(from);
        await page.GetByLabel("参数（JSON）").FillAsync("{ \"dibaoLine\": 85O }");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("values.dibaoLine");
        await page.GetByLabel("参数（JSON）").FillAsync("{ \"dibaoLine\": 850 }");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发布政策参数 dibao 第 2 版");
        var v2 = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "v2" });
        await Assertions.Expect(v2).ToContainTextAsync(from);
        await Assertions.Expect(v2).ToContainTextAsync("850");
        await Assertions.Expect(v2).ToContainTextAsync("待生效");
        await admin.ScreenshotAsync("policies");

        // The eldercare post gets a new B.
        await page.GetByRole(AriaRole.Link, new() { Name = "组织架构" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "修改岗位 eldercare" }).ClickAsync();
        var holders = page.GetByRole(AriaRole.Form, new() { Name = "指派 A 角和 B 角" });
        await Assertions.Expect(holders.GetByLabel("A 角", new() { Exact = true })).ToHaveValueAsync("s-care-a");
        await holders.GetByLabel("B 角", new() { Exact = true }).SelectOptionAsync("s-care-a");
        await holders.GetByLabel("理由").FillAsync("黄磊调往低保岗");
        await holders.GetByRole(AriaRole.Button, new() { Name = "指派" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("bHolderId");
        await Assertions.Expect(holders.GetByLabel("理由")).ToHaveValueAsync("黄磊调往低保岗");
        await holders.GetByLabel("B 角", new() { Exact = true }).SelectOptionAsync("s-care-c");
        await holders.GetByRole(AriaRole.Button, new() { Name = "指派" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("eldercare");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "居家养老岗" })).ToContainTextAsync("s-care-c");
        await admin.ScreenshotAsync("organisation");

        // Next year's calendar, shown as missing until it is published.
        var year = DateTime.UtcNow.Year + 1;
        await page.GetByRole(AriaRole.Link, new() { Name = "工作日历" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = year.ToString(CultureInfo.InvariantCulture) })).ToContainTextAsync("未发布");
        await page.GetByLabel("年度", new() { Exact = true }).FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("依据").FillAsync($"国务院办公厅关于{year}年部分节假日安排的通知");
        await page.GetByLabel("节假日", new() { Exact = true }).FillAsync($"元旦, {year}-01-01, {year}-01-01\n劳动节, {year}-05-01, {year}-05-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已发布 {year} 年工作日历第 1 版");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "劳动节" })).ToContainTextAsync($"{year}-05-05");
        await admin.ScreenshotAsync("calendars");

        // A key for a member of staff: its secret is shown once, and signs in until the key is revoked.
        await page.GetByRole(AriaRole.Link, new() { Name = "密钥管理" }).ClickAsync();
        await page.GetByLabel("用途").FillAsync("吴敏的网格终端");
        await page.GetByLabel("工作人员", new() { Exact = true }).SelectOptionAsync("s-grid-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "签发" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("只显示这一次");
        var secret = await page.GetByLabel("秘密值", new() { Exact = true }).InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        await admin.ScreenshotAsync("keys-secret");
        await page.GetByRole(AriaRole.Link, new() { Name = "密钥管理" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "吴敏的网格终端" })).ToContainTextAsync("有效");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await using var worker = await Browser.OpenAsync();
        await worker.SignInWithKeyAsync(_host.Address, secret);
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToBeVisibleAsync();
        await Assertions.Expect(worker.Page.GetByText("当前用户：s-grid-1")).ToBeVisibleAsync();

        // Rotated, the key has a new secret, shown once; the session signed in with the old one ends.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "吴敏的网格终端" });
        await row.GetByText("轮换或吊销").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "轮换" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("只显示这一次");
        var rotated = await page.GetByLabel("秘密值", new() { Exact = true }).InputValueAsync();
        Assert.NotEqual(secret, rotated);
        await worker.Page.ReloadAsync();
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
        await worker.SignInWithKeyAsync(_host.Address, rotated);
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToBeVisibleAsync();

        await row.GetByText("轮换或吊销").ClickAsync();
        await row.GetByLabel("理由").FillAsync("终端遗失");
        await row.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已吊销");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "吴敏的网格终端" })).ToContainTextAsync("已吊销");
        await admin.ScreenshotAsync("keys");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the keys page is wider than a phone");
        await admin.ScreenshotAsync("keys-phone");

        await worker.Page.ReloadAsync();
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
        await worker.SignInWithKeyAsync(_host.Address, rotated);
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("密钥无效、已吊销或已过期");
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToHaveCountAsync(0);
    }

    private static Task<string> SampleAsync() =>
        File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "temporary-assistance.json"));
}
