using System.Text.Json.Serialization;
using Affairs.Domain.Rejections;
using Affairs.Workflows.ApiKeys.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.ApiKeys;

/// <summary>
/// Gives a key a new secret; the key keeps its id and binding. The old secret is refused from now on, or after a grace
/// period of up to a week so that clients can switch over. A revoked or expired key cannot be rotated.
/// </summary>
/// <param name="KeyId">The key.</param>
/// <param name="SecretHash">SHA-256 of the new key; left out of the idempotency payload, as in <see cref="IssueApiKey"/>.</param>
/// <param name="GraceMinutes">How long the old secret keeps working, 0 to <see cref="ApiKeyRules.MaxGraceMinutes"/>.</param>
/// <param name="ExpectedRevision">The key's revision the caller saw, or null.</param>
/// <param name="Context">Who rotates it, and tracing.</param>
public sealed record RotateApiKey(string KeyId, [property: JsonIgnore] string SecretHash, int GraceMinutes, long? ExpectedRevision, CommandContext Context)
    : ICommand<ApiKeyRevision>, IAffairsCommand;

internal sealed class RotateApiKeyValidator : ICommandValidator<RotateApiKey>
{
    public void Validate(RotateApiKey command, ValidationErrors errors) =>
        errors.SecretHash(command.SecretHash)
            .AddIf(command.GraceMinutes is < 0 or > ApiKeyRules.MaxGraceMinutes, "graceMinutes", $"From 0 to {ApiKeyRules.MaxGraceMinutes} minutes.");
}

internal sealed class RotateApiKeyHandler(ApiKeyStreams keys, TimeProvider time) : ICommandHandler<RotateApiKey, ApiKeyRevision>
{
    public async ValueTask<ApiKeyRevision> Handle(RotateApiKey command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await keys.ExecuteAsync(
            command,
            command.KeyId,
            command.ExpectedRevision,
            register =>
            {
                var key = ApiKeyStreams.Require(register, command.KeyId);
                switch (key.StatusAt(now))
                {
                    case ApiKeyStatus.Revoked:
                        throw new CommandRejectedException(RejectionKind.NotPermitted, "apikey.revoked", "A revoked key cannot be rotated; issue a new one.");
                    case ApiKeyStatus.Expired:
                        throw new CommandRejectedException(RejectionKind.NotPermitted, "apikey.expired", "An expired key cannot be rotated; issue a new one.");
                }

                if (register.Keys.Values.Any(k => k.SecretHash == command.SecretHash))
                {
                    throw new CommandRejectedException(RejectionKind.Conflict, "apikey.secret-in-use", "Another key has this secret; make a new one.");
                }

                return [new ApiKeyRotated(key.KeyId, command.SecretHash, now.AddMinutes(command.GraceMinutes), command.Context.Actor.Id, now)];
            },
            cancellationToken).ConfigureAwait(false);
    }
}
