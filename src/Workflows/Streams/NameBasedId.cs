using System.Security.Cryptography;
using System.Text;

namespace Affairs.Workflows.Streams;

/// <summary>Ids derived from a name: the same name always gives the same id (an RFC 9562 version 8 UUID over SHA-256).</summary>
public static class NameBasedId
{
    /// <summary>The id of <paramref name="name"/>.</summary>
    public static Guid From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        digest[6] = (byte)((digest[6] & 0x0F) | 0x80); // version 8: custom, name-based
        digest[8] = (byte)((digest[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(digest.AsSpan(0, 16), bigEndian: true);
    }
}
