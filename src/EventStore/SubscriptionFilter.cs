namespace Affairs.EventStore;

/// <summary>Which events a subscription or a filtered read delivers: every event, or the events of some categories.</summary>
public sealed class SubscriptionFilter : IEquatable<SubscriptionFilter>
{
    private readonly HashSet<string> _categories;

    private SubscriptionFilter(IEnumerable<string> categories)
    {
        _categories = new HashSet<string>(categories, StringComparer.Ordinal);
        Categories = [.. _categories.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every event in the log (<c>$all</c>).</summary>
    public static SubscriptionFilter All { get; } = new([]);

    /// <summary>The events of every stream in one category, in global order.</summary>
    public static SubscriptionFilter ForCategory(string category) => ForCategories([category]);

    /// <summary>
    /// The events of every stream in any of <paramref name="categories"/>, in global order: one subscription where a
    /// reader follows several small categories, rather than one per category each woken by every commit.
    /// </summary>
    public static SubscriptionFilter ForCategories(IEnumerable<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var chosen = categories.ToList();
        if (chosen.Count == 0)
        {
            throw new ArgumentException("A category filter names at least one category; use All for every event.", nameof(categories));
        }

        foreach (var category in chosen)
        {
            ArgumentException.ThrowIfNullOrEmpty(category, nameof(categories));
            if (category.Contains('-', StringComparison.Ordinal))
            {
                throw new ArgumentException("A category is the text before the first '-' of a stream name.", nameof(categories));
            }
        }

        return new SubscriptionFilter(chosen);
    }

    /// <summary>The categories selected, in ordinal order, each once; empty for <c>$all</c>.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Whether this is <c>$all</c>: every event.</summary>
    public bool IsAll => Categories.Count == 0;

    /// <summary>Whether an event of <paramref name="stream"/> passes this filter.</summary>
    public bool Matches(StreamName stream) => IsAll || _categories.Contains(stream.Category);

    /// <inheritdoc />
    public bool Equals(SubscriptionFilter? other) => other is not null && Categories.SequenceEqual(other.Categories, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SubscriptionFilter);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var category in Categories)
        {
            hash.Add(category, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => IsAll ? "$all" : string.Join(",", Categories);
}
