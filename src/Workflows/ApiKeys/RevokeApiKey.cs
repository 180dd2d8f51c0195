using Affairs.Domain.Rejections;
using Affairs.Workflows.ApiKeys.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.ApiKeys;

/// <summary>Revokes a key at once, with a reason; revoking a revoked key again changes nothing.</summary>
/// <param name="KeyId">The key.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpectedRevision">The key's revision the caller saw, or null.</param>
/// <param name="Context">Who revokes it, and tracing.</param>
public sealed record RevokeApiKey(string KeyId, string Reason, long? ExpectedRevision, CommandContext Context) : ICommand<ApiKeyRevision>, IAffairsCommand;

internal sealed class RevokeApiKeyValidator : ICommandValidator<RevokeApiKey>
{
    public void Validate(RevokeApiKey command, ValidationErrors errors) => errors.Text("reason", command.Reason, ApiKeyRules.MaxReasonLength);
}

internal sealed class RevokeApiKeyHandler(ApiKeyStreams keys, TimeProvider time) : ICommandHandler<RevokeApiKey, ApiKeyRevision>
{
    public async ValueTask<ApiKeyRevision> Handle(RevokeApiKey command, CancellationToken cancellationToken) =>
        await keys.ExecuteAsync(
            command,
            command.KeyId,
            command.ExpectedRevision,
            register =>
            {
                var key = ApiKeyStreams.Require(register, command.KeyId);
                object[] events = key.IsRevoked ? [] : [new ApiKeyRevoked(key.KeyId, command.Reason.Trim(), command.Context.Actor.Id, time.GetUtcNow())];
                return events;
            },
            cancellationToken).ConfigureAwait(false);
}
