using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Affairs.Workflows.Ledger;

/// <summary>
/// The chain over the whole log that a ledger digest ends in. Each link is SHA-256 over the previous link (empty before
/// the first event) and, for the next event in global order, its position, its stream's name, its revision and the hash
/// of its stored bytes (<see cref="LedgerVerifier.LinkHash"/>: type, data and metadata, the stream's chain hash
/// included), every part length-prefixed (as in <see cref="Domain.Events.HashChain"/>). So an edit anywhere changes the
/// link from that event on, whether or not the stream's hashes were recomputed after it, and a deleted, inserted, moved
/// or reordered event does too.
/// </summary>
public static class LedgerChain
{
    /// <summary>The link after one more event.</summary>
    public static string Link(string previous, long position, string stream, long revision, string eventHash)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(eventHash);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[sizeof(long)];
        Part(hash, Encoding.ASCII.GetBytes(previous), number);
        BinaryPrimitives.WriteInt64LittleEndian(number, position);
        hash.AppendData(number);
        Part(hash, Encoding.UTF8.GetBytes(stream), number);
        BinaryPrimitives.WriteInt64LittleEndian(number, revision);
        hash.AppendData(number);
        Part(hash, Encoding.ASCII.GetBytes(eventHash), number);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The first four bytes of a link: what a digest keeps of the links along the way, to say where a log departs from it.</summary>
    public static ReadOnlySpan<byte> Fingerprint(string link) => Convert.FromHexString(link.AsSpan(0, 8));

    private static void Part(IncrementalHash hash, byte[] bytes, Span<byte> number)
    {
        BinaryPrimitives.WriteInt64LittleEndian(number, bytes.Length);
        hash.AppendData(number);
        hash.AppendData(bytes);
    }
}
