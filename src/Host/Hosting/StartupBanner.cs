using Affairs.Host.Security;
using Affairs.Host.Seeding;

namespace Affairs.Host.Hosting;

/// <summary>Tells the person who started the host where to look: the API, the OpenAPI document and UI, the demo keys.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, string storeDescription)
    {
        var url = app.Urls.FirstOrDefault() ?? AffairsApplication.DefaultUrl;
        app.Logger.LogInformation("Affairs is running on {Urls} with {Store}", string.Join(", ", app.Urls), storeDescription);
        var keys = app.Services.GetRequiredService<ApiKeyIndex>();
        var demo = DemoKeys.All.Where(k => keys.Find(k.Key) is not null).ToList();
        var lines = new List<string>
        {
            string.Empty,
            $"  Affairs  {url}",
            $"  API            {url}/api   (send X-Api-Key)",
            $"  OpenAPI        {url}/openapi/v1.json",
            $"  API browser    {url}/docs",
            $"  Console        {url}/console   (sign in with an API key)",
            $"  Health         {url}/health/ready",
        };
        if (demo.Count > 0)
        {
            lines.Add("  Demo API keys (public; replace them for real use):");
            lines.AddRange(demo.Select(k => $"    {k.Key,-26} {k.Description}"));
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
