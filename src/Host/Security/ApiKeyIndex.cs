using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Host.Hosting;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Hosting;

namespace Affairs.Host.Security;

/// <summary>
/// The keys the host accepts, in memory, so a request costs one SHA-256 and a dictionary look-up and never a store
/// read: the keys issued as events in the key stream (loaded at start, refreshed after this host changes one, and
/// refreshed whenever <see cref="CatalogFollower"/> hands it a change another host made), and the deployment keys configured under
/// <c>Affairs:ApiKeys</c> or left in a <c>data/api-keys.json</c> of an earlier version (read, no longer written).
/// </summary>
internal sealed class ApiKeyIndex : IFollowedCatalog
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
        _current = Snapshot.Of(ApiKeyRegister.Empty);
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

    /// <inheritdoc />
    public string Category => ApiKeyStreams.Category;

    /// <summary>Refreshes when <paramref name="recorded"/> is a change to this centre's keys not yet read.</summary>
    public Task FollowAsync(RecordedEvent recorded, CancellationToken cancellationToken) =>
        recorded.Stream == _streams.Stream && recorded.Revision > _current.Register.Revision ? RefreshAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>What <paramref name="presented"/> grants now, or null for a key that is unknown, revoked or expired.</summary>
    public ApiKeyGrant? Find(string presented)
    {
        if (presented.Length is 0 or > ApiKeySecrets.MaxLength)
        {
            return null;
        }

        Span<byte> text = stackalloc byte[ApiKeySecrets.MaxLength * 3];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..Encoding.UTF8.GetBytes(presented, text)], hash);
        var snapshot = _current;
        if (ApiKeySecrets.TryKeyId(presented, out var keyId))
        {
            return snapshot.ById.GetValueOrDefault(keyId) is { } key && key.Accepts(hash, _time.GetUtcNow()) ? key.Grant : null;
        }

        var hex = Convert.ToHexStringLower(hash);
        if (snapshot.ByHash.GetValueOrDefault(hex) is { } issued)
        {
            return issued.Accepts(hash, _time.GetUtcNow()) ? issued.Grant : null;
        }

        return _deployment.GetValueOrDefault(hex);
    }

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

    /// <summary>A key ready to compare: its hashes as bytes and what it grants, worked out once per refresh.</summary>
    private sealed record IndexedKey(ApiKey Key, byte[] Current, byte[]? Previous, ApiKeyGrant Grant)
    {
        public static IndexedKey Of(ApiKey key) => new(
            key,
            Convert.FromHexString(key.SecretHash),
            key.PreviousSecretHash is { } previous ? Convert.FromHexString(previous) : null,
            new ApiKeyGrant(key.StaffId ?? key.ClientId ?? key.KeyId, key.Roles, key.Scopes));

        /// <summary>Whether the key is active and <paramref name="hash"/> is its secret's, or its previous one's within the grace period.</summary>
        public bool Accepts(ReadOnlySpan<byte> hash, DateTimeOffset now) =>
            Key.StatusAt(now) == ApiKeyStatus.Active
            && (CryptographicOperations.FixedTimeEquals(Current, hash)
                || (Previous is not null && now < Key.PreviousValidUntil && CryptographicOperations.FixedTimeEquals(Previous, hash)));
    }

    /// <summary>The register with its two look-ups: by key id for prefixed keys, by hash for the others.</summary>
    private sealed record Snapshot(ApiKeyRegister Register, Dictionary<string, IndexedKey> ById, Dictionary<string, IndexedKey> ByHash)
    {
        public static Snapshot Of(ApiKeyRegister register)
        {
            var byId = new Dictionary<string, IndexedKey>(StringComparer.Ordinal);
            var byHash = new Dictionary<string, IndexedKey>(StringComparer.Ordinal);
            foreach (var key in register.Keys.Values.Select(IndexedKey.Of))
            {
                byId[key.Key.KeyId] = key;
                byHash[key.Key.SecretHash] = key;
                if (key.Key.PreviousSecretHash is { } previous)
                {
                    byHash.TryAdd(previous, key);
                }
            }

            return new Snapshot(register, byId, byHash);
        }
    }
}
