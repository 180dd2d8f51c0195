using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>A caseworker opens a case at the counter for a resident found by identity number.</summary>
public sealed class OpenCaseTests : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host;

    public OpenCaseTests(ConsoleHostFixture fixture) => _host = fixture.Host;

    [BrowserFact]
    public async Task A_finds_the_resident_by_identity_number_and_opens_a_dibao_case_for_the_household()
    {
        await using var a = await Browser.OpenAsync();
        var page = a.Page;
        await a.SignInAsync(_host.Address, "demo-dibao-a");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建案件" }).ClickAsync();
        await page.GetByLabel("身份证号").FillAsync(Seeded.SunIdentityNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找居民" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=name]")).ToHaveTextAsync(Seeded.SunName);

        var dibao = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "城乡最低生活保障" }) });
        await dibao.GetByLabel("申请类别").SelectOptionAsync("initial");
        await dibao.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("案件已受理");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("城乡最低生活保障");
    }
}
