namespace Affairs.Host.Feed;

/// <summary>A page of the feed. <see cref="LastPosition"/> is where to resume, even when filtering skipped every event read.</summary>
/// <param name="Events">The events, in order.</param>
/// <param name="LastPosition">The position to pass as <c>after</c> next time.</param>
internal sealed record FeedPage(IReadOnlyList<FeedEvent> Events, long LastPosition);
