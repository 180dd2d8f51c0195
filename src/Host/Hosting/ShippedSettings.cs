using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Affairs.Host.Hosting;

/// <summary>
/// The <c>appsettings.json</c> shipped next to the executable, read first so that a settings file in the working
/// directory, the environment and the command line all override it. <c>dotnet run --project src/Host</c> runs in the
/// caller's directory, where no settings file is.
/// </summary>
internal static class ShippedSettings
{
    public static void AddFirst(ConfigurationManager configuration)
    {
        var folder = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(folder, "appsettings.json")) && Path.GetFullPath(folder) != Path.GetFullPath(Directory.GetCurrentDirectory()))
        {
            configuration.Sources.Insert(0, new JsonConfigurationSource { Path = "appsettings.json", Optional = true, FileProvider = new PhysicalFileProvider(folder) });
        }
    }
}
