using Affairs.Workflows.ApiKeys;

namespace Affairs.Host.Security;

/// <summary>
/// The answer of issuing or rotating a key: the key and, this once, its secret. A retry with the same
/// <c>Idempotency-Key</c> answers the same key with <c>secret</c> null: the secret is never shown twice, so a client
/// that lost the first answer rotates the key.
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Secret">The whole key to send as <c>X-Api-Key</c>, or null when this answer repeats an earlier one.</param>
internal sealed record IssuedApiKey(ApiKeyView Key, string? Secret);
