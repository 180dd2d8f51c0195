using System.Collections.Immutable;
using Affairs.EventStore;
using Affairs.Workflows.ApiKeys.Events;

namespace Affairs.Workflows.ApiKeys;

/// <summary>Every API key of the centre, folded from the one key stream.</summary>
/// <param name="Keys">The keys by id.</param>
/// <param name="Revision">The revision of the last event folded, <see cref="StreamRevision.None"/> for none.</param>
public sealed record ApiKeyRegister(ImmutableDictionary<string, ApiKey> Keys, long Revision)
{
    /// <summary>The register of a stream with no events.</summary>
    public static ApiKeyRegister Empty { get; } = new(ImmutableDictionary.Create<string, ApiKey>(StringComparer.Ordinal), StreamRevision.None);

    /// <summary>The key with id <paramref name="keyId"/>, if it was issued.</summary>
    public ApiKey? Find(string keyId) => Keys.GetValueOrDefault(keyId);

    /// <summary>The register after one more event of its stream; every event counts towards the revision.</summary>
    public ApiKeyRegister Apply(object @event)
    {
        var revision = Revision + 1;
        return @event switch
        {
            ApiKeyIssued e => With(new ApiKey(e.KeyId, e.Label, e.StaffId, e.ClientId, e.Roles, e.Scopes, e.SecretHash, e.IssuedBy, e.IssuedAt, e.ExpiresAt, revision), revision),
            ApiKeyRotated e when Find(e.KeyId) is { } key => With(
                key with
                {
                    SecretHash = e.SecretHash,
                    PreviousSecretHash = key.SecretHash,
                    PreviousValidUntil = e.PreviousValidUntil,
                    RotatedAt = e.RotatedAt,
                    Revision = revision,
                },
                revision),
            ApiKeyRevoked e when Find(e.KeyId) is { } key => With(key with { Revocation = new ApiKeyRevocation(e.Reason, e.RevokedBy, e.RevokedAt), Revision = revision }, revision),
            _ => this with { Revision = revision },
        };
    }

    private ApiKeyRegister With(ApiKey key, long revision) => new(Keys.SetItem(key.KeyId, key), revision);
}
