using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>The administrator defines a type, sees the mistake at its JSON path, fixes it and publishes; and reads the statistics.</summary>
public sealed class AdministratorJourneyTests : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host;

    public AdministratorJourneyTests(ConsoleHostFixture fixture) => _host = fixture.Host;

    [BrowserFact]
    public async Task A_type_with_a_mistake_is_refused_at_its_path_then_fixed_and_published()
    {
        var definition = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "temporary-assistance.json"));
        var mistaken = Regex.Replace(definition, "\"initialState\":\\s*\"[^\"]+\"", "\"initialState\": \"no-such-state\"");
        await using var admin = await Browser.OpenAsync();
        var page = admin.Page;
        await admin.SignInAsync(_host.Address, "demo-admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "事项类型", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToHaveCountAsync(0);

        await page.GetByLabel("定义（JSON）").FillAsync(mistaken);
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Last).ToContainTextAsync("$.initialState");
        await admin.ScreenshotAsync("types-problem");

        await page.GetByLabel("定义（JSON）").FillAsync(definition);
        await page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        await Assertions.Expect(page.GetByText("未发现问题")).ToBeVisibleAsync();
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
}
