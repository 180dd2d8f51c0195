using Mediator;

namespace Affairs.Workflows.ApiKeys;

/// <summary>Lists every key, revoked and expired ones included, without secrets or hashes.</summary>
public sealed record ListApiKeys : IQuery<ApiKeyList>;

internal sealed class ListApiKeysHandler(ApiKeyStreams keys, TimeProvider time) : IQueryHandler<ListApiKeys, ApiKeyList>
{
    public async ValueTask<ApiKeyList> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var register = await keys.CatchUpAsync(ApiKeyRegister.Empty, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return new ApiKeyList([.. register.Keys.Values.OrderBy(k => k.IssuedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).Select(k => ApiKeyView.Of(k, now))], register.Revision);
    }
}
