using System.Text;
using Affairs.Domain.Events;

namespace Affairs.Domain.Tests.Events;

public sealed class HashChainTests
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("""{"caseId":"c-1","text":"看过了"}""");
    private static readonly byte[] Metadata = Encoding.UTF8.GetBytes("""{"actor":"s-01"}""");

    // Worked out independently: SHA-256 over each part (type, data, metadata, previous hash) prefixed by its length as a
    // little-endian 64-bit integer. Stored chains were sealed with these bytes, so they may never change.
    [Theory]
    [InlineData("", "cf6c4a89ff3d75b849088262d65ab570b89bbe713fd220eac270ec1f4933ce98")]
    [InlineData("abababababababababababababababababababababababababababababababab", "53d0eccd4d4a0c26db4910c37bcc91ef02cc6c866196e2bf5d71e141fd0474f8")]
    public void the_hash_of_an_event_is_sha256_over_its_length_prefixed_parts(string previousHash, string expected)
    {
        Assert.Equal(expected, HashChain.Compute("case.note-added.v1", Data, Metadata, previousHash));
    }
}
