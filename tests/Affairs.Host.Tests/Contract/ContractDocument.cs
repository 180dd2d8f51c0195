using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Affairs.Host.Tests.Contract;

/// <summary>
/// The committed contract, <c>src/Host/openapi/v1.json</c>, and the served document normalised the same way (no
/// <c>servers</c>, which name the address the host was reached at; indented; LF line ends).
/// </summary>
public static class ContractDocument
{
    public const string UpdateVariable = "AFFAIRS_UPDATE_CONTRACT";

    public static string CommittedPath => Path.Combine(RepositoryRoot(), "src", "Host", "openapi", "v1.json");

    public static async Task<string> ServedAsync(HostFactory host)
    {
        var served = await host.CreateClient().GetStringAsync("/openapi/v1.json");
        return Normalise(served);
    }

    public static string Normalise(string document)
    {
        var node = JsonNode.Parse(document)!.AsObject();
        node.Remove("servers");
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return node.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Affairs.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Affairs.sln) was not found above the test's folder.");
    }
}
