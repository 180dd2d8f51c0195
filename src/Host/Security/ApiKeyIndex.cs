using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Affairs.Host.Hosting;
using Affairs.Workflows.ApiKeys;

namespace Affairs.Host.Security;

/// <summary>
/// The keys the host accepts, in memory, so a request costs one SHA-256 and a dictionary look-up and never a store
/// read: the keys issued as events in the key stream (loaded at start, refreshed after this host changes one, and
/// refreshable from the stream by anyone who sees it change), and the deployment keys configured under
/// <c>Affairs:ApiKeys</c> or left in a <c>data/api-keys.json</c> of an earlier version (read, no longer written).
/// </summary>
internal sealed class ApiKeyIndex
{
    public const string LegacyFileName = "api-keys.json";
    private readonly ApiKeyStreams _streams;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ApiKeyGrant> _deployment;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot _current;

    public ApiKeyIndex(IConfiguration configuration, DataFolder data, ApiKeyStreams streams, TimeProvider time)
    {
        _streams = streams;
        _time = time;
        var configured = configuration.GetSection("Affairs:ApiKeys").Get<List<ApiKeyEntry>>() ?? [];
        _deployment = Deployment(configured.Concat(ReadLegacyFile(data)));
        _current = new Snapshot(ApiKeyRegister.Empty, new Dictionary<string, ApiKey>(StringComparer.Ordinal), new Dictionary<string, ApiKey>(StringComparer.Ordinal));
    }

    /// <summary>The key register as last read.</summary>
    public ApiKeyRegister Register => _current.Register;

    /// <summary>Reads what was appended to the key stream since the last refresh and starts accepting (or refusing) accordingly.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var register = await _streams.CatchUpAsync(_current.Register, cancellationToken);
            if (register.Revision != _current.Register.Revision)
            {
                _current = Snapshot.Of(register);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>What <paramref name="presented"/> grants now, or null for a key that is unknown, revoked or expired.</summary>
    public ApiKeyGrant? Find(string presented)
    {
        if (presented.Length is 0 or > ApiKeySecrets.MaxLength)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var snapshot = _current;
        var now = _time.GetUtcNow();
        if (ApiKeySecrets.TryKeyId(presented, out var keyId))
        {
            return snapshot.ById.GetValueOrDefault(keyId) is { } key && Accepts(key, hash, now) ? Grant(key) : null;
        }

        var hex = Convert.ToHexStringLower(hash);
        if (snapshot.ByHash.GetValueOrDefault(hex) is { } issued)
        {
            return Accepts(issued, hash, now) ? Grant(issued) : null;
        }

        return _deployment.GetValueOrDefault(hex);
    }

    private static ApiKeyGrant Grant(ApiKey key) => new(key.StaffId ?? key.ClientId ?? key.KeyId, key.Roles, key.Scopes);

    private static bool Accepts(ApiKey key, byte[] hash, DateTimeOffset now) =>
        key.StatusAt(now) == ApiKeyStatus.Active
        && (Matches(key.SecretHash, hash) || (key.PreviousSecretHash is { } previous && now < key.PreviousValidUntil && Matches(previous, hash)));

    private static bool Matches(string hex, byte[] hash) => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), hash);

    private static Dictionary<string, ApiKeyGrant> Deployment(IEnumerable<ApiKeyEntry> entries)
    {
        var index = new Dictionary<string, ApiKeyGrant>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Hash.Length == 64))
        {
            index[entry.Hash.ToLowerInvariant()] = new ApiKeyGrant(entry.StaffId ?? entry.Id, [.. entry.Roles], [.. entry.Scopes]);
        }

        return index;
    }

    private static List<ApiKeyEntry> ReadLegacyFile(DataFolder data)
    {
        var file = data.File(LegacyFileName);
        return File.Exists(file) ? JsonSerializer.Deserialize<List<ApiKeyEntry>>(File.ReadAllText(file), JsonSerializerOptions.Web) ?? [] : [];
    }

    /// <summary>The register with its two look-ups: by key id for prefixed keys, by hash for the others.</summary>
    private sealed record Snapshot(ApiKeyRegister Register, Dictionary<string, ApiKey> ById, Dictionary<string, ApiKey> ByHash)
    {
        public static Snapshot Of(ApiKeyRegister register)
        {
            var byId = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
            var byHash = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
            foreach (var key in register.Keys.Values)
            {
                byId[key.KeyId] = key;
                byHash[key.SecretHash] = key;
                if (key.PreviousSecretHash is { } previous)
                {
                    byHash.TryAdd(previous, key);
                }
            }

            return new Snapshot(register, byId, byHash);
        }
    }
}
