using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Host.Security;

/// <summary>
/// Issues, rotates and revokes keys for the API and the command line: makes the secret, sends only its hash in the
/// command, and brings this host's <see cref="ApiKeyIndex"/> up to date before answering, so the new key works (and a
/// revoked one is refused) at once.
/// </summary>
internal sealed class ApiKeyIssuer(IMediator mediator, ApiKeyIndex index, IIdSource ids, TimeProvider time)
{
    /// <summary>Issues a key; its id derives from the idempotency key where there is one, so a retry is the same request.</summary>
    public async Task<IssuedApiKey> IssueAsync(ApiKeyBinding binding, string label, DateTimeOffset? expiresAt, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(context);
        var keyId = "k" + CommandPayload.NewId(context, ids, "api-key").ToString("N");
        var secret = ApiKeySecrets.Generate(keyId);
        var command = new IssueApiKey(keyId, label, binding.StaffId, binding.ClientId, binding.Roles, binding.Scopes, ApiKeySecrets.HashOf(secret), expiresAt, context);
        var issued = await mediator.Send(command, ct);
        return await AnswerAsync(issued.KeyId, secret, ct);
    }

    /// <summary>Gives a key a new secret; the old one works for <paramref name="graceMinutes"/> more.</summary>
    public async Task<IssuedApiKey> RotateAsync(string keyId, int graceMinutes, long? expectedRevision, CommandContext context, CancellationToken ct)
    {
        var secret = ApiKeySecrets.Generate(keyId);
        var rotated = await mediator.Send(new RotateApiKey(keyId, ApiKeySecrets.HashOf(secret), graceMinutes, expectedRevision, context), ct);
        return await AnswerAsync(rotated.KeyId, secret, ct);
    }

    /// <summary>Revokes a key at once.</summary>
    public async Task<ApiKeyView> RevokeAsync(string keyId, string reason, long? expectedRevision, CommandContext context, CancellationToken ct)
    {
        var revoked = await mediator.Send(new RevokeApiKey(keyId, reason, expectedRevision, context), ct);
        await index.RefreshAsync(ct);
        return ApiKeyView.Of(ApiKeyStreams.Require(index.Register, revoked.KeyId), time.GetUtcNow());
    }

    /// <summary>The key as stored, with the secret only if it is the one stored (not when a retry repeated an earlier answer).</summary>
    private async Task<IssuedApiKey> AnswerAsync(string keyId, string secret, CancellationToken ct)
    {
        await index.RefreshAsync(ct);
        var key = ApiKeyStreams.Require(index.Register, keyId);
        return new IssuedApiKey(ApiKeyView.Of(key, time.GetUtcNow()), key.SecretHash == ApiKeySecrets.HashOf(secret) ? secret : null);
    }
}
