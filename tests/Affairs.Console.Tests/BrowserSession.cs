using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>One person at one browser: a page, and the profile removed when they are done.</summary>
public sealed class BrowserSession(IPlaywright playwright, IBrowserContext context, string profile) : IAsyncDisposable
{
    public IPage Page => context.Pages.Count > 0 ? context.Pages[0] : throw new InvalidOperationException("The browser has no page.");

    public IBrowserContext Context => context;

    /// <summary>Signs in at <paramref name="host"/> with a demo key (<c>demo-dibao-a</c>).</summary>
    public Task SignInAsync(Uri host, string demoKey) => SignInWithKeyAsync(host, demoKey + "-key");

    /// <summary>Signs in at <paramref name="host"/> with a whole key, as issued.</summary>
    public async Task SignInWithKeyAsync(Uri host, string key)
    {
        await Page.GotoAsync(new Uri(host, "/console").ToString());
        await Page.GetByLabel("API key").Or(Page.GetByLabel("API 密钥")).FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).Or(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ClickAsync();
    }

    /// <summary>Writes a full-page screenshot under the test output's <c>screenshots/</c>.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        playwright.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
