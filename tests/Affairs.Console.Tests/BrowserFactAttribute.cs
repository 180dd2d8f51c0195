namespace Affairs.Console.Tests;

/// <summary>A browser test: skipped, with the reason, where Debian's chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.Installed)
        {
            Skip = $"No browser at {Browser.ExecutablePath}: install Debian's chromium (apt-get install -y chromium); scripts/test.sh does so when run as root.";
        }
    }
}
