namespace Affairs.Domain.AffairTypes;

/// <summary>
/// The handler names a definition may use. <c>grid</c> and <c>supervisor</c> are always known; posts come from the
/// organisation (the caller passes its current list), with the centre's standing posts as the default.
/// </summary>
public static class KnownPosts
{
    /// <summary>The grid worker of the subject's grid.</summary>
    public const string Grid = "grid";

    /// <summary>The section head.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>The centre's standing posts: dibao, insurance, certification, elderly care.</summary>
    public static IReadOnlySet<string> Standing { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "dibao", "insurance", "certification", "eldercare",
    };

    /// <summary>Whether <paramref name="handler"/> names a known post, the grid worker or the supervisor.</summary>
    public static bool IsKnown(string handler, IReadOnlySet<string> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        return handler is Grid or Supervisor || posts.Contains(handler);
    }
}
