using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>A fake OpenID Connect provider and a console host configured to use it; both started only where the browser is installed.</summary>
public sealed class OpenIdConsoleFixture : IDisposable
{
    public const string ProviderName = "District ID";

    private readonly Lazy<(FakeOpenIdProvider Provider, ConsoleHost Host)> _started = new(() =>
    {
        var provider = new FakeOpenIdProvider();
        return (provider, new ConsoleHost(provider.Settings(ProviderName)));
    });

    public FakeOpenIdProvider Provider => _started.Value.Provider;

    public ConsoleHost Host => _started.Value.Host;

    public void Dispose()
    {
        if (_started.IsValueCreated)
        {
            _started.Value.Host.Dispose();
            _started.Value.Provider.Dispose();
        }
    }
}

/// <summary>Signing in to the console through the centre's OpenID Connect provider, in the browser, against the real host.</summary>
public sealed class OpenIdSignInTests(OpenIdConsoleFixture fixture) : IClassFixture<OpenIdConsoleFixture>
{
    private readonly FakeOpenIdProvider _provider = fixture.Provider;
    private readonly ConsoleHost _host = fixture.Host;

    [BrowserFact]
    public async Task A_staff_member_signs_in_at_the_provider_works_their_queue_and_signs_out_of_both()
    {
        var caseId = await _host.OpenDibaoAsync();
        var redeemed = _provider.Redeemed;
        var ended = _provider.SessionsEnded;
        await using var browser = await SignInAtProviderAsync("s-dibao-a");
        var page = browser.Page;

        // Signed in as the staff member the token names, with their role: A's queue, with the case A holds.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("当前用户：s-dibao-a")).ToBeVisibleAsync();
        var asA = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^A岗") }) });
        await Assertions.Expect(asA.GetByRole(AriaRole.Link, new() { Name = caseId })).ToBeVisibleAsync();
        Assert.Equal(redeemed + 1, _provider.Redeemed);
        Assert.Equal(0, _provider.Refused);

        // The same masking and permitted actions as A's key: the identity number in full, A's own trigger offered.
        await asA.GetByRole(AriaRole.Link, new() { Name = caseId }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=identityNumber]")).ToHaveTextAsync(Seeded.SunIdentityNumber);
        await Assertions.Expect(page.Locator("form.trigger").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("signed-in-through-provider");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(ended + 1, _provider.SessionsEnded);
        await ExpectNoSessionAsync(page);
    }

    [BrowserFact]
    public async Task A_token_naming_no_member_of_staff_gets_the_refusal_page_and_no_session()
    {
        await using var browser = await SignInAtProviderAsync("s-nobody");
        var page = browser.Page;

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "未登录", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("auth.unknown-staff");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("未关联本中心的任何工作人员");
        await browser.ScreenshotAsync("provider-sign-in-refused");
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == "affairs.console" || c.Name.StartsWith("affairs.consoleC", StringComparison.Ordinal));

        await ExpectNoSessionAsync(page);
    }

    [BrowserFact]
    public async Task A_session_opened_at_the_provider_follows_the_organisation_when_its_member_is_made_section_head()
    {
        await using var browser = await SignInAtProviderAsync("s-ins-a");
        var page = browser.Page;
        var supervision = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "督办" });
        await Assertions.Expect(page.GetByText("当前用户：s-ins-a")).ToBeVisibleAsync();
        await Assertions.Expect(supervision).ToHaveCountAsync(0);

        using var admin = _host.Api("demo-admin");
        try
        {
            (await admin.PutAsJsonAsync("/api/organisation/supervisor", new { staffId = "s-ins-a" })).EnsureSuccessStatusCode();
            await page.ReloadAsync();
            await Assertions.Expect(supervision).ToBeVisibleAsync();
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/organisation/supervisor", new { staffId = "s-head" })).EnsureSuccessStatusCode();
        }

        await page.ReloadAsync();
        await Assertions.Expect(supervision).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_API_key_form_stays_beside_the_provider()
    {
        await using var browser = await Browser.OpenAsync();
        await browser.SignInAsync(_host.Address, "demo-dibao-b");

        await Assertions.Expect(browser.Page.GetByText("当前用户：s-dibao-b")).ToBeVisibleAsync();
    }

    /// <summary>A fresh browser that opens the console and clicks the provider's button, the provider naming <paramref name="staffId"/>.</summary>
    private async Task<BrowserSession> SignInAtProviderAsync(string staffId)
    {
        _provider.StaffId = staffId;
        var browser = await Browser.OpenAsync();
        await browser.Page.GotoAsync(new Uri(_host.Address, "/console").ToString());
        await browser.ScreenshotAsync("sign-in-with-provider");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = $"使用 {OpenIdConsoleFixture.ProviderName} 登录" }).ClickAsync();
        return browser;
    }

    /// <summary>A console page sends the browser to sign in: it holds no session.</summary>
    private async Task ExpectNoSessionAsync(IPage page)
    {
        await page.GotoAsync(new Uri(_host.Address, "/console/queue").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
    }
}
