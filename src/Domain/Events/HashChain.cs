using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Affairs.Domain.Events;

/// <summary>
/// The tamper-evident chain of a stream: each event's hash is SHA-256 over its type, its data, its metadata less the
/// hash, and the previous event's hash in the stream (empty for the first). The hash is stored as the last member of
/// the metadata object, <c>,"hash":"&lt;64 hex&gt;"}</c>, so the metadata it covers is exactly the stored bytes without it.
/// </summary>
public static class HashChain
{
    private static readonly byte[] HashMember = Encoding.ASCII.GetBytes(",\"hash\":\"");
    private const int HexLength = 64;

    /// <summary>The length of the suffix the hash adds to the metadata.</summary>
    private static int SuffixLength => HashMember.Length + HexLength + 2;

    /// <summary>The hash of one event given the previous event's hash ("" for the first event).</summary>
    public static string Compute(string type, ReadOnlySpan<byte> data, ReadOnlySpan<byte> metadataLessHash, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(previousHash);
        // Length-prefixed parts, so that no choice of parts can collide with another by moving bytes across a boundary;
        // written into one pooled buffer and hashed at once (the same bytes as hashing the parts one after another).
        var typeLength = Encoding.UTF8.GetByteCount(type);
        var buffer = ArrayPool<byte>.Shared.Rent((4 * sizeof(long)) + typeLength + data.Length + metadataLessHash.Length + previousHash.Length);
        try
        {
            var written = Part(buffer, 0, typeLength);
            written += Encoding.UTF8.GetBytes(type, buffer.AsSpan(written));
            written = Part(buffer, written, data.Length);
            data.CopyTo(buffer.AsSpan(written));
            written = Part(buffer, written + data.Length, metadataLessHash.Length);
            metadataLessHash.CopyTo(buffer.AsSpan(written));
            written = Part(buffer, written + metadataLessHash.Length, previousHash.Length);
            written += Encoding.ASCII.GetBytes(previousHash, buffer.AsSpan(written));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes a part's length at <paramref name="at"/>; returns where the part itself goes.</summary>
    private static int Part(byte[] buffer, int at, int length)
    {
        BitConverter.TryWriteBytes(buffer.AsSpan(at), (long)length);
        return at + sizeof(long);
    }

    /// <summary>Appends the hash to a metadata object: <c>{…}</c> becomes <c>{…,"hash":"…"}</c>.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> metadataLessHash, string hash)
    {
        if (metadataLessHash.Length < 2 || metadataLessHash[^1] != (byte)'}' || hash.Length != HexLength)
        {
            throw new ArgumentException("Metadata must be a JSON object with at least one member, and the hash 64 hex digits.");
        }

        var sealedBytes = new byte[metadataLessHash.Length - 1 + SuffixLength];
        metadataLessHash[..^1].CopyTo(sealedBytes);
        HashMember.CopyTo(sealedBytes.AsSpan(metadataLessHash.Length - 1));
        Encoding.ASCII.GetBytes(hash, sealedBytes.AsSpan(metadataLessHash.Length - 1 + HashMember.Length));
        sealedBytes[^2] = (byte)'"';
        sealedBytes[^1] = (byte)'}';
        return sealedBytes;
    }

    /// <summary>Splits stored metadata into the part the hash covers and the hash; false where no hash is sealed in.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> storedMetadata, out byte[] metadataLessHash, out string hash)
    {
        metadataLessHash = [];
        hash = string.Empty;
        var at = storedMetadata.Length - SuffixLength;
        if (at < 1 || !storedMetadata.Slice(at, HashMember.Length).SequenceEqual(HashMember) || storedMetadata[^2] != (byte)'"' || storedMetadata[^1] != (byte)'}')
        {
            return false;
        }

        hash = Encoding.ASCII.GetString(storedMetadata.Slice(at + HashMember.Length, HexLength));
        metadataLessHash = new byte[at + 1];
        storedMetadata[..at].CopyTo(metadataLessHash);
        metadataLessHash[^1] = (byte)'}';
        return true;
    }
}
