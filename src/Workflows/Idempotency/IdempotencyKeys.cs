namespace Affairs.Workflows.Idempotency;

/// <summary>What an idempotency key may be: 1 to 200 visible ASCII characters, as an HTTP header carries it.</summary>
public static class IdempotencyKeys
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Whether <paramref name="key"/> is a key the engine accepts.</summary>
    public static bool IsValid(string key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~');
}
