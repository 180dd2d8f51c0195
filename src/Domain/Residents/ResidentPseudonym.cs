using System.Security.Cryptography;
using System.Text;

namespace Affairs.Domain.Residents;

/// <summary>
/// Derives a resident's id from the identity number with a keyed hash (HMAC-SHA-256 under the deployment's secret).
/// One identity number therefore means one stream, <c>resident-{id}</c>: a second registration of the same number is an
/// append to an existing stream and is refused by the store's expected-revision check — no read model, no race.
/// The id reveals nothing of the number without the key.
/// </summary>
public sealed class ResidentPseudonym
{
    private readonly byte[] _key;

    /// <summary>Creates the derivation with the deployment's secret key (at least 16 bytes).</summary>
    public ResidentPseudonym(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("The resident pseudonym key needs at least 16 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>The resident id for an identity number: <c>r</c> and 24 lower-case hex digits.</summary>
    public string ResidentIdFor(IdentityNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var digest = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(number.Value));
        return "r" + Convert.ToHexStringLower(digest.AsSpan(0, 12));
    }
}
