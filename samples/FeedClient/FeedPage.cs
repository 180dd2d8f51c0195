namespace Affairs.Samples.FeedClient;

/// <summary>A long-poll answer: the events and the position to resume after.</summary>
internal sealed record FeedPage(IReadOnlyList<FeedEvent> Events, long LastPosition);
