using System.Security.Cryptography;
using System.Text;

namespace Affairs.Host.Security;

/// <summary>
/// How keys look: <c>afk_{keyId}_{secret}</c>, the secret 256 random bits in base64url, so the key names the entry to
/// compare it with. Only SHA-256 of the whole key is kept: keys are high-entropy, so a slow password hash would buy
/// nothing and cost every request. Keys from configuration and the demo keys have no prefix and are found by hash.
/// </summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "afk_";

    /// <summary>The longest key the host hashes; anything longer is refused unread.</summary>
    public const int MaxLength = 512;

    /// <summary>A new key for <paramref name="keyId"/>.</summary>
    public static string Generate(string keyId)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Prefix}{keyId}_{secret}";
    }

    /// <summary>SHA-256 of a key, lower-case hex: what events and configuration carry.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The key id a prefixed key names; false for a key without the prefix.</summary>
    public static bool TryKeyId(string key, out string keyId)
    {
        keyId = string.Empty;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = key.IndexOf('_', Prefix.Length);
        if (end <= Prefix.Length)
        {
            return false;
        }

        keyId = key[Prefix.Length..end];
        return true;
    }
}
