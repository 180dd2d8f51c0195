using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Affairs.Host.Hosting;

namespace Affairs.Host.Security;

/// <summary>The API keys the host accepts: those configured under <c>Affairs:ApiKeys</c> and those in <c>data/api-keys.json</c>.</summary>
internal sealed class ApiKeyStore
{
    public const string FileName = "api-keys.json";
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly DataFolder _data;
    private readonly List<ApiKeyEntry> _configured;
    private volatile Dictionary<string, ApiKeyEntry> _byHash;

    public ApiKeyStore(IConfiguration configuration, DataFolder data)
    {
        _data = data;
        _configured = configuration.GetSection("Affairs:ApiKeys").Get<List<ApiKeyEntry>>() ?? [];
        _byHash = Index(_configured.Concat(ReadFile()));
    }

    public IReadOnlyCollection<ApiKeyEntry> Entries => _byHash.Values;

    /// <summary>SHA-256 of a presented key, lower-case hex: what is stored and compared.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public ApiKeyEntry? Find(string presentedKey) => _byHash.GetValueOrDefault(HashOf(presentedKey));

    /// <summary>Adds keys to the file (replacing entries with the same id) and starts accepting them.</summary>
    public void Save(IEnumerable<ApiKeyEntry> entries)
    {
        var merged = ReadFile().ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            merged[entry.Id] = entry;
        }

        _data.WriteOwnerOnly(_data.File(FileName), JsonSerializer.Serialize(merged.Values.ToList(), FileJson));
        _byHash = Index(_configured.Concat(merged.Values));
    }

    private List<ApiKeyEntry> ReadFile()
    {
        var file = _data.File(FileName);
        return File.Exists(file) ? JsonSerializer.Deserialize<List<ApiKeyEntry>>(File.ReadAllText(file), FileJson) ?? [] : [];
    }

    private static Dictionary<string, ApiKeyEntry> Index(IEnumerable<ApiKeyEntry> entries)
    {
        var index = new Dictionary<string, ApiKeyEntry>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Hash.Length == 64))
        {
            index[entry.Hash.ToLowerInvariant()] = entry;
        }

        return index;
    }
}
