namespace Affairs.EventStore;

/// <summary>Which events a subscription or a filtered read delivers.</summary>
public sealed record SubscriptionFilter
{
    private SubscriptionFilter(string? category) => Category = category;

    /// <summary>Every event in the log (<c>$all</c>).</summary>
    public static SubscriptionFilter All { get; } = new((string?)null);

    /// <summary>The events of every stream in one category, in global order.</summary>
    public static SubscriptionFilter ForCategory(string category)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        if (category.Contains('-', StringComparison.Ordinal))
        {
            throw new ArgumentException("A category is the text before the first '-' of a stream name.", nameof(category));
        }

        return new SubscriptionFilter(category);
    }

    /// <summary>The category selected, or null for <c>$all</c>.</summary>
    public string? Category { get; }

    /// <summary>Whether an event of <paramref name="stream"/> passes this filter.</summary>
    public bool Matches(StreamName stream) => Category is null || string.Equals(stream.Category, Category, StringComparison.Ordinal);
}
