using Mediator;

namespace Affairs.Workflows.ApiKeys;

/// <summary>One key, without its secret or hash; refused with 404 for an id never issued.</summary>
/// <param name="KeyId">The key.</param>
public sealed record GetApiKey(string KeyId) : IQuery<ApiKeyView>;

internal sealed class GetApiKeyHandler(ApiKeyStreams keys, TimeProvider time) : IQueryHandler<GetApiKey, ApiKeyView>
{
    public async ValueTask<ApiKeyView> Handle(GetApiKey query, CancellationToken cancellationToken)
    {
        var register = await keys.CatchUpAsync(ApiKeyRegister.Empty, cancellationToken).ConfigureAwait(false);
        return ApiKeyView.Of(ApiKeyStreams.Require(register, query.KeyId), time.GetUtcNow());
    }
}
