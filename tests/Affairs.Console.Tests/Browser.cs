using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (its own browser download cannot be reached), headless, each session in a
/// fresh profile so no cookie or cache carries over. Screenshots go to <c>screenshots/</c> under the test output.
/// </summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool Installed => File.Exists(ExecutablePath);

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>A browser window of <paramref name="width"/>×<paramref name="height"/> on a fresh profile, with script unless told not to.</summary>
    public static async Task<BrowserSession> OpenAsync(int width = 1280, int height = 800, bool script = true)
    {
        var profile = Directory.CreateTempSubdirectory("affairs-console-profile-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            JavaScriptEnabled = script,
        });
        return new BrowserSession(playwright, context, profile);
    }
}
