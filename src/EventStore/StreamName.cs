namespace Affairs.EventStore;

/// <summary>
/// The name of an event stream, <c>category-id</c> (for example <c>case-7f3a…</c>).
/// The category is the text before the first <c>-</c>; category reads and subscriptions select on it.
/// </summary>
public readonly record struct StreamName
{
    /// <summary>The longest stream name any adapter accepts, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>Creates a stream name, refusing names that no adapter could store or categorise.</summary>
    /// <param name="value">The full name, <c>category-id</c>.</param>
    /// <exception cref="ArgumentException">The name is empty, too long, starts with <c>$</c> or has no <c>-</c>.</exception>
    public StreamName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (value.Length > MaxLength || dash <= 0 || dash == value.Length - 1 || value[0] == '$')
        {
            throw new ArgumentException(
                $"A stream name is 'category-id' with both parts non-empty, at most {MaxLength} characters, not starting with '$'.",
                nameof(value));
        }

        Value = value;
        Category = value[..dash];
    }

    /// <summary>The full name.</summary>
    public string Value { get; }

    /// <summary>The text before the first <c>-</c>.</summary>
    public string Category { get; }

    /// <summary>Builds <c>category-id</c> from its two parts.</summary>
    public static StreamName For(string category, string id) => new($"{category}-{id}");

    /// <inheritdoc />
    public override string ToString() => Value;
}
